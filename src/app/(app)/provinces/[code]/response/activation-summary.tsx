import { CriteriaCards } from '@/components/surge/criteria-cards';
import { LevelBadge } from '@/components/surge/level-badge';
import { getTranslations } from '@/i18n/server';
import type { ActivationDetail } from '@/server/activation/queries';
import type { DateTexts } from '../../../tasks/display';
import { CorrectionNotice } from './correction-notice';

/**
 * What is open (or was), since when, by whom or by which rule, the figures that triggered it, and any correction of
 * its week's figures since.
 */
export async function ActivationSummary({
  detail,
  provinceCode,
  f,
}: {
  detail: ActivationDetail;
  provinceCode: string;
  f: DateTexts;
}) {
  const t = await getTranslations('response');
  const { summary: s, snapshot } = detail;
  const open = s.status === 'OPEN';
  const withdrawn = s.status === 'WITHDRAWN';
  const headline = open
    ? 'summary.headlineOpen'
    : withdrawn
      ? 'summary.headlineWithdrawn'
      : 'summary.headlineStoodDown';
  return (
    <section
      aria-labelledby="activation"
      className={`mb-6 rounded-lg border-l-8 bg-white p-4 shadow-sm ${open ? 'border-red-700' : 'border-slate-400'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="activation" className="text-lg font-bold">
          {t(headline, { week: s.week })}
        </h2>
        <span
          className={`rounded-full border px-2 py-0.5 text-xs font-semibold ${open ? 'border-red-300 bg-red-50 text-red-900' : 'border-slate-300 bg-slate-100 text-slate-700'}`}
        >
          <span aria-hidden="true">{open ? '▲▲ ' : '■ '}</span>
          {t(`status.${s.status}`)}
        </span>
        <span className="rounded-full border border-slate-300 px-2 py-0.5 text-xs text-slate-700">
          {t(`trigger.${s.trigger}`)}
        </span>
      </div>
      <div className="mt-2 space-y-1 text-sm text-slate-800">
        <p>
          {s.openedBy
            ? t('summary.openedBy', { name: s.openedBy, at: f.dateTime(s.openedAt) })
            : t('summary.openedAuto', { at: f.dateTime(s.openedAt), week: s.week })}
        </p>
        {s.reason && <p>{t('summary.reason', { reason: s.reason })}</p>}
        {s.stoodDownAt && (
          <p>{t('summary.stoodDown', { name: s.stoodDownBy ?? t('task.system'), at: f.dateTime(s.stoodDownAt) })}</p>
        )}
        {s.standDownReason && <p>{t('summary.standDownReason', { reason: s.standDownReason })}</p>}
        {s.withdrawnAt && <p className="font-medium">{t('summary.withdrawn', { at: f.dateTime(s.withdrawnAt) })}</p>}
        <p className="text-slate-600">{t('summary.plan', { name: detail.planName, version: detail.planVersion })}</p>
        {!open && (
          <p className="font-medium text-slate-700">
            {t(withdrawn ? 'summary.readOnlyWithdrawn' : 'summary.readOnly')}
          </p>
        )}
      </div>
      {s.correction && <CorrectionNotice correction={s.correction} provinceCode={provinceCode} open={open} f={f} />}
      <div className="mt-4">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <h3 className="font-semibold">{t('snapshot.title', { week: snapshot.week })}</h3>
          <LevelBadge level={snapshot.level} provisional={snapshot.provisional} />
        </div>
        {snapshot.completeness && (
          <p className="mb-2 text-sm text-slate-600">
            {t(snapshot.provisional ? 'snapshot.provisional' : 'snapshot.complete', {
              reported: snapshot.completeness.reported,
              expected: snapshot.completeness.expected,
            })}
          </p>
        )}
        {detail.figuresHidden ? (
          <p className="text-sm text-slate-600">{t('snapshot.hidden')}</p>
        ) : snapshot.criteria.length > 0 ? (
          <CriteriaCards criteria={snapshot.criteria} level={snapshot.level} />
        ) : (
          <p className="text-sm text-slate-600">{t('snapshot.noFigures')}</p>
        )}
      </div>
    </section>
  );
}
