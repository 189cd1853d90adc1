'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'use-intl/react';
import type { Failure } from '@/lib/contracts/action-result';
import { activateAction, standDownAction } from '@/server/actions/activation';
import { fieldMessage, resultMessage } from '../../../tasks/result-message';

type Result = Awaited<ReturnType<typeof activateAction>> | Awaited<ReturnType<typeof standDownAction>> | Failure;

/**
 * The leaders' two decisions, both with a reason: activating the plan by hand, and standing it down. A confirmation
 * first, since both change what every officer of the province sees.
 */
export function ReasonForm({
  kind,
  provinceCode,
  activationId,
  reasonMax,
}: {
  kind: 'activate' | 'standDown';
  provinceCode: string;
  activationId?: number;
  reasonMax: number;
}) {
  const t = useTranslations('response');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `${kind}-reason`;
  const error = fieldMessage(t, result, 'reason');

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(t(`${kind}.confirm`))) return;
    startTransition(async () => {
      try {
        const r =
          kind === 'activate'
            ? await activateAction({ provinceCode, reason })
            : await standDownAction({ activationId, reason });
        setResult(r);
        if (r.ok) setReason('');
      } catch {
        setResult({ ok: false, code: 'refused', message: 'errors.unexpected' });
      }
    });
  }

  const danger = kind === 'activate';
  return (
    <form
      onSubmit={submit}
      noValidate
      className={`rounded-lg border p-4 ${danger ? 'border-red-200 bg-white' : 'border-slate-300 bg-white'}`}
    >
      <h2 className="text-base font-semibold">{t(`${kind}.title`)}</h2>
      <p className="mt-1 text-sm text-slate-600">{t(`${kind}.help`)}</p>
      <label htmlFor={id} className="mt-3 block text-sm font-medium text-slate-700">
        {t(`${kind}.reason`)}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        maxLength={reasonMax}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-msg`}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-sky-600 focus:ring-2 focus:ring-sky-200 focus:outline-none"
      />
      <p
        id={`${id}-msg`}
        aria-live="polite"
        role={result && !result.ok ? 'alert' : undefined}
        className={`mt-1 min-h-5 text-sm ${result?.ok ? 'text-emerald-800' : 'text-red-700'}`}
      >
        {error ??
          (result
            ? resultMessage(
                t,
                result,
                kind === 'activate' ? 'done.activated' : 'done.stoodDown',
                kind === 'activate' ? 'errors.noProvince' : 'errors.activationGone',
              )
            : '')}
      </p>
      <button
        type="submit"
        disabled={pending}
        className={`mt-2 min-h-11 rounded-md px-4 py-2 font-semibold disabled:opacity-60 ${danger ? 'bg-red-700 text-white hover:bg-red-800' : 'border border-slate-500 bg-white text-slate-900 hover:bg-slate-100'}`}
      >
        {pending ? t('task.saving') : t(`${kind}.submit`)}
      </button>
    </form>
  );
}
