'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'use-intl/react';
import type { Failure } from '@/lib/contracts/action-result';
import { setDueDateAction } from '@/server/actions/activation';
import { fieldMessage, resultMessage } from './result-message';

type Result = Awaited<ReturnType<typeof setDueDateAction>> | Failure;

/** A leader sets or clears a task's due date (empty clears it). */
export function DueDateForm({ taskId, version, dueDate }: { taskId: number; version: number; dueDate: string | null }) {
  const t = useTranslations('response');
  const [value, setValue] = useState(dueDate ?? '');
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `task-${taskId}-due`;
  const error = fieldMessage(t, result, 'dueDate');

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      try {
        setResult(await setDueDateAction({ taskId, dueDate: value, version }));
      } catch {
        setResult({ ok: false, code: 'refused', message: 'errors.unexpected' });
      }
    });
  }

  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2" noValidate>
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-slate-600">
          {t('task.dueLabel')}
        </label>
        <input
          id={id}
          type="date"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          className="mt-0.5 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-sky-600 focus:ring-2 focus:ring-sky-200 focus:outline-none"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-9 rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        {t('task.dueSave')}
      </button>
      <p aria-live="polite" className={`basis-full text-sm ${result?.ok ? 'text-emerald-800' : 'text-red-700'}`}>
        {error ?? (result ? resultMessage(t, result, 'done.dueDate', 'errors.taskGone') : '')}
      </p>
    </form>
  );
}
