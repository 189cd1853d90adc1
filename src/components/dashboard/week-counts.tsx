import { getNumberFormats, getTranslations } from '@/i18n/server';
import { SEVERITY_FIELDS } from '@/lib/surge';
import type { WeekFigures } from '@/server/verdicts/series';
import type { WeekStanding } from './week-standing';

const JUDGED_FIELDS = ['newCases', 'oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds'] as const;

/**
 * A week's sums as counts, where no rate may be shown: a unit without a population in force ("chưa có dân số"), or a
 * week outside the unit's validity, whose sums are those of the reports stored under it then ("báo cáo theo đơn vị
 * cũ", never judged). Neutral cards: no threshold, no met/unmet colour. Not reported reads "—", never 0.
 */
export async function WeekCounts({ figures, standing }: { figures: WeekFigures; standing: WeekStanding }) {
  const t = await getTranslations('dashboard');
  const tf = await getTranslations('figures');
  const f = await getNumberFormats();
  const outside = standing === 'ended' || standing === 'notYet';
  if (outside && figures.legacy === 0)
    return (
      <p className="text-sm text-slate-700" data-testid="week-counts" data-legacy="0">
        {t('standing.noLegacy', { week: figures.week })}
      </p>
    );
  const show = (v: number | null, digits = 0) => (v === null ? '—' : digits ? f.decimal(v, digits) : f.integer(v));
  return (
    <section className="rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="week-counts">
      <h3 className="text-sm font-semibold text-slate-800">
        {outside ? (
          <span data-testid="legacy-label" className="mr-2 rounded border border-slate-400 bg-white px-1.5 py-0.5">
            {t('standing.legacy')}
          </span>
        ) : null}
        {outside ? t('standing.legacyCounts', { count: figures.legacy, week: figures.week }) : null}
        {!outside && t('standing.counts', { week: figures.week })}
      </h3>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
        {JUDGED_FIELDS.map((field) => (
          <div key={field} data-figure={field}>
            <dt className="text-xs text-slate-600">{tf(field)}</dt>
            <dd className="text-xl font-bold tabular-nums text-slate-900">
              {show(figures.counts[field], field === 'oxygenAvg7d' ? 1 : 0)}
            </dd>
          </div>
        ))}
        {SEVERITY_FIELDS.map((field) => (
          <div key={field} data-figure={field}>
            <dt className="text-xs text-slate-600">{t(`severity.${field}`)}</dt>
            <dd className="text-base font-semibold tabular-nums text-slate-800">
              {show(figures.counts[field] ?? null)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
