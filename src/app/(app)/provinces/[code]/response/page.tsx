import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/i18n/server';
import { LIMITS } from '@/lib/validations/activation';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { getActivationProposal } from '@/server/activation/proposal-view';
import { getResponseView } from '@/server/activation/queries';
import { getDateTexts, toDisplayTasks } from '../../../tasks/display';
import { ActivationHistory } from './activation-history';
import { ActivationSummary } from './activation-summary';
import { Checklist } from './checklist';
import { HelpText } from './help-text';
import { NotesAndOverdue } from './notes-and-overdue';
import { ProgressTables } from './progress-tables';
import { ProposalSection } from './proposal-section';
import { ReasonForm } from './reason-form';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ activation?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('response'))('title') };
}

/** The leaders' view of the response plan (read-only for the province's other roles). */
export default async function ResponsePage({ params, searchParams }: Props) {
  const { code } = await params;
  const user = await requireUser(`/provinces/${code}/response`);
  const requested = Number((await searchParams).activation);
  const result = await getResponseView(user, code, {
    activationId: Number.isSafeInteger(requested) ? requested : undefined,
    now: now(),
  });
  const t = await getTranslations('response');
  if (result.status === 'not-found') notFound();
  if (result.status === 'forbidden') {
    return (
      <p className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" role="alert">
        {t('noAccess')}
      </p>
    );
  }
  const view = result.data;
  const f = await getDateTexts();
  const proposal = await getActivationProposal(user, code, now());
  const selected = view.selected;
  const viewingOld = selected !== null && view.hasOpen && selected.summary.status !== 'OPEN';

  return (
    <>
      <h1 className="mb-3 text-2xl font-bold">{t('provinceTitle', { province: view.province.name })}</h1>
      <HelpText />
      {proposal && <ProposalSection proposal={proposal} code={view.province.code} />}
      {!view.hasOpen && !proposal && (
        <p className="mb-4 rounded-lg border border-slate-200 bg-white p-4 font-medium">
          {view.activations.length === 0 ? t('none') : t('noneOpen')}
        </p>
      )}
      {!view.hasOpen && !proposal && view.canManage && (
        <div className="mb-6">
          <ReasonForm kind="activate" provinceCode={view.province.code} reasonMax={LIMITS.reasonMax} />
        </div>
      )}
      {viewingOld && (
        <p className="mb-3 text-sm">
          {t('summary.viewingOld')}{' '}
          <Link href={`/provinces/${view.province.code}/response`} className="text-sky-800 underline">
            {t('summary.backToCurrent')}
          </Link>
        </p>
      )}
      {selected && (
        <>
          <ActivationSummary detail={selected} provinceCode={view.province.code} f={f} />
          {selected.summary.status !== 'WITHDRAWN' && (
            <>
              <ProgressTables detail={selected} />
              <NotesAndOverdue detail={selected} f={f} />
              <Checklist
                tasks={toDisplayTasks(selected.tasks, f)}
                canManage={view.canManage && selected.summary.status === 'OPEN'}
              />
            </>
          )}
          {view.canManage && selected.summary.status === 'OPEN' && (
            <div className="mb-6 max-w-2xl">
              <ReasonForm
                kind="standDown"
                provinceCode={view.province.code}
                activationId={selected.summary.id}
                reasonMax={LIMITS.reasonMax}
              />
            </div>
          )}
        </>
      )}
      <ActivationHistory
        code={view.province.code}
        activations={view.activations}
        selectedId={selected?.summary.id ?? null}
        f={f}
      />
    </>
  );
}
