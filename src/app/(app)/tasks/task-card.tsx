'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'use-intl/react';
import type { Failure } from '@/lib/contracts/action-result';
import { tickTaskAction } from '@/server/actions/tasks';
import type { DisplayTask } from './display';
import { DueDateForm } from './due-date-form';
import { fieldMessage, resultMessage } from './result-message';
import { TaskHistory } from './task-history';

type Result = Awaited<ReturnType<typeof tickTaskAction>> | Failure;

/**
 * One task of the checklist, as officers see it in the field: large touch targets, the text as the plan words it,
 * tick done or reopen with an optional note, and its history (who, what, when).
 */
export function TaskCard({
  task,
  showAgency = false,
  canSetDue = false,
  compact = false,
  noteMax,
}: {
  task: DisplayTask;
  showAgency?: boolean;
  canSetDue?: boolean;
  /** the leaders' checklist of a whole province: one-line note, due date beside the button on wide screens */
  compact?: boolean;
  noteMax: number;
}) {
  const t = useTranslations('response');
  const [note, setNote] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const done = task.status === 'DONE';
  const textId = `task-${task.id}-text`;
  const noteId = `task-${task.id}-note`;
  const noteError = fieldMessage(t, result, 'note');

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const r = await tickTaskAction({ taskId: task.id, done: !done, note, version: task.version });
        setResult(r);
        if (r.ok) setNote('');
      } catch {
        setResult({ ok: false, code: 'refused', message: 'errors.unexpected' });
      }
    });
  }

  return (
    <li
      className={`rounded-lg border bg-white p-4 shadow-sm ${task.overdue ? 'border-red-300' : done ? 'border-emerald-200' : 'border-slate-200'}`}
      data-testid="task"
      data-task-id={task.id}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span
          className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 font-semibold ${done ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-slate-300 bg-slate-50 text-slate-700'}`}
        >
          <span aria-hidden="true">{done ? '✓' : '○'}</span>
          {done ? t('task.statusDone') : t('task.statusOpen')}
        </span>
        {task.overdue && (
          <span className="inline-flex items-center gap-1 rounded-full border border-red-300 bg-red-50 px-2 py-0.5 font-semibold text-red-900">
            <span aria-hidden="true">⚠</span>
            {t('task.overdue')}
          </span>
        )}
        {task.dueDateText && <span className="text-slate-600">{t('task.due', { date: task.dueDateText })}</span>}
        {showAgency && (
          <span className="text-slate-600">
            {task.agencyName}
            {task.districtName && ` · ${task.districtName}`}
          </span>
        )}
      </div>
      <p id={textId} className="mt-2 text-base leading-relaxed text-slate-900">
        {task.text}
      </p>
      {done && task.doneBy && task.doneAtText && (
        <p className="mt-1 text-sm text-slate-600">{t('task.doneBy', { name: task.doneBy, at: task.doneAtText })}</p>
      )}
      {task.note && <p className="mt-1 text-sm italic text-slate-700">{t('task.latestNote', { note: task.note })}</p>}

      <div className={compact ? 'lg:flex lg:items-start lg:gap-6' : undefined}>
        <div className="flex-1">
          {task.canTick && (
            <form onSubmit={submit} className="mt-3 space-y-2" noValidate>
              <label htmlFor={noteId} className="block text-sm font-medium text-slate-700">
                {t('task.note')}
              </label>
              <textarea
                id={noteId}
                name="note"
                rows={compact ? 1 : 2}
                maxLength={noteMax}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('task.notePlaceholder')}
                aria-invalid={noteError ? true : undefined}
                aria-describedby={noteError ? `${noteId}-error` : undefined}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-sky-600 focus:ring-2 focus:ring-sky-200 focus:outline-none"
              />
              {noteError && (
                <p id={`${noteId}-error`} className="text-sm text-red-700">
                  {noteError}
                </p>
              )}
              <button
                type="submit"
                disabled={pending}
                aria-describedby={textId}
                className={`min-h-11 w-full rounded-md px-4 py-2 font-semibold sm:w-auto disabled:opacity-60 ${done ? 'border border-slate-400 bg-white text-slate-800 hover:bg-slate-100' : 'bg-sky-800 text-white hover:bg-sky-900'}`}
              >
                {pending ? t('task.saving') : done ? t('task.reopen') : t('task.tick')}
              </button>
            </form>
          )}
          <p
            aria-live="polite"
            role={result && !result.ok ? 'alert' : undefined}
            className={`mt-1 text-sm ${result?.ok ? 'text-emerald-800' : 'text-red-700'}`}
          >
            {result && !noteError
              ? resultMessage(t, result, done ? 'done.ticked' : 'done.reopened', 'errors.taskGone')
              : ''}
          </p>
        </div>
        {canSetDue && <DueDateForm taskId={task.id} version={task.version} dueDate={task.dueDate} />}
      </div>
      <TaskHistory entries={task.history} />
    </li>
  );
}
