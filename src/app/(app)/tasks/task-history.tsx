'use client';
import { useId, useState } from 'react';
import { useTranslations } from 'use-intl/react';
import type { DisplayHistoryEntry } from './display';

const ACTION_KEY: Record<string, 'done' | 'reopened' | 'dueDate'> = {
  'task.done': 'done',
  'task.reopened': 'reopened',
  'task.due-date': 'dueDate',
};

/**
 * Who did what and when, oldest first, from the audit log. A disclosure button rather than <details>: the checklist
 * groups are <details> themselves, and one <summary> per group keeps them simple to reach.
 */
export function TaskHistory({ entries }: { entries: DisplayHistoryEntry[] }) {
  const t = useTranslations('response');
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-2 text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="py-1 text-sky-800 hover:underline"
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {t('task.historyTitle', { count: entries.length })}
      </button>
      <div id={id} hidden={!open}>
        {entries.length === 0 ? (
          <p className="mt-1 text-slate-500">{t('task.historyEmpty')}</p>
        ) : (
          <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3">
            {entries.map((h, i) => {
              const key = ACTION_KEY[h.action];
              return (
                <li key={i} className="text-slate-700">
                  <span className="font-medium">{h.actorName ?? t('task.system')}</span>{' '}
                  {t(`task.action.${key ?? 'other'}`)}
                  {h.action === 'task.due-date' && (
                    <> ({h.dueDateText ? t('task.dueSet', { date: h.dueDateText }) : t('task.dueCleared')})</>
                  )}
                  {h.unchanged && <> {t('task.alreadyInState')}</>}
                  <span className="text-slate-500"> · {h.atText}</span>
                  {h.note && <q className="block italic text-slate-800">{h.note}</q>}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </div>
  );
}
