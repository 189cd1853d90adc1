'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from 'use-intl/react';
import type { Failure } from '@/lib/contracts/action-result';
import { activateAction, dismissProposalAction, standDownAction } from '@/server/actions/activation';
import { fieldMessage, resultMessage } from '../../../tasks/result-message';

type Result =
  | Awaited<ReturnType<typeof activateAction>>
  | Awaited<ReturnType<typeof standDownAction>>
  | Awaited<ReturnType<typeof dismissProposalAction>>
  | Failure;

type Kind = 'activate' | 'standDown' | 'proposal.activate' | 'proposal.dismiss';

const DONE = {
  activate: 'done.activated',
  standDown: 'done.stoodDown',
  'proposal.activate': 'done.activated',
  'proposal.dismiss': 'done.dismissed',
} as const;
const NOT_FOUND = {
  activate: 'errors.noProvince',
  standDown: 'errors.activationGone',
  'proposal.activate': 'errors.noProvince',
  'proposal.dismiss': 'errors.proposalGone',
} as const;

/**
 * The leaders' decisions, each with a reason: activating the plan by hand (also from a proposal), standing it down,
 * and not activating on a proposal. A confirmation first, since each changes what the province's officers see or get.
 */
export function ReasonForm({
  kind,
  provinceCode,
  activationId,
  proposalId,
  reasonMax,
  nested = false,
}: {
  kind: Kind;
  provinceCode: string;
  activationId?: number;
  proposalId?: number;
  reasonMax: number;
  /** inside a section with its own heading (the proposal panel): the form's title is one level down */
  nested?: boolean;
}) {
  const t = useTranslations('response');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `${kind.replace('.', '-')}-reason`;
  const error = fieldMessage(t, result, 'reason');

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(t(`${kind}.confirm`))) return;
    startTransition(async () => {
      try {
        const r =
          kind === 'standDown'
            ? await standDownAction({ activationId, reason })
            : kind === 'proposal.dismiss'
              ? await dismissProposalAction({ proposalId, reason })
              : await activateAction({ provinceCode, reason });
        setResult(r);
        if (r.ok) setReason('');
      } catch {
        setResult({ ok: false, code: 'refused', message: 'errors.unexpected' });
      }
    });
  }

  const danger = kind === 'activate' || kind === 'proposal.activate';
  const Heading = nested ? 'h3' : 'h2';
  return (
    <form
      onSubmit={submit}
      noValidate
      className={`rounded-lg border p-4 ${danger ? 'border-red-200 bg-white' : 'border-slate-300 bg-white'}`}
    >
      <Heading className="text-base font-semibold">{t(`${kind}.title`)}</Heading>
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
        {error ?? (result ? resultMessage(t, result, DONE[kind], NOT_FOUND[kind]) : '')}
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
