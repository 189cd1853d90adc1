'use client';
import { useTranslations } from 'use-intl/react';
import type { DisplayHistoryEntry } from './display';

const ACTION_KEY: Record<string, 'done' | 'reopened' | 'dueDate'> = { 'task.done': 'done', 'task.reopened': 'reopened', 'task.due-date': 'dueDate' };

/** Who did what and when, oldest first, from the audit log. */
export function TaskHistory({ entries }: { entries: DisplayHistoryEntry[] }) {
  const t = useTranslations('response');
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer py-1 text-sky-800 hover:underline">{t('task.historyTitle', { count: entries.length })}</summary>
      {entries.length === 0 ? (
        <p className="mt-1 text-slate-500">{t('task.historyEmpty')}</p>
      ) : (
        <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3">
          {entries.map((h, i) => {
            const key = ACTION_KEY[h.action];
            return (
              <li key={i} className="text-slate-700">
                <span className="font-medium">{h.actorName ?? t('task.system')}</span> {t(`task.action.${key ?? 'other'}`)}
                {h.action === 'task.due-date' && <> ({h.dueDateText ? t('task.dueSet', { date: h.dueDateText }) : t('task.dueCleared')})</>}
                {h.unchanged && <> {t('task.alreadyInState')}</>}
                <span className="text-slate-500"> · {h.atText}</span>
                {h.note && <q className="block italic text-slate-800">{h.note}</q>}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
