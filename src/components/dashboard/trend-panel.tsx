import { TrendChart, type TrendPointTuple } from '@/components/charts/trend-chart';
import { getTranslations } from '@/i18n/server';
import { GROWTH_OF_CRITERION } from '@/lib/growth';
import { CRITERION_KEYS, DEATHS_PER, perPopulation, type CriterionKey, type SeverityField } from '@/lib/surge';
import type { WeekFigures } from '@/server/verdicts/series';
import { breachSide, COMPARATOR_SYMBOL } from '@/components/surge/format';
import { getNumberFormats } from '@/i18n/server';
import { growthWording } from './growth-line';

/** The severity charts: per 100,000, deaths per 1,000,000 (the plans' unit for them). */
const SEVERITY_CHARTS = [
  { field: 'severeCases', per: 100_000, title: 'severity.trendSevereCases' },
  { field: 'newAdmissions', per: 100_000, title: 'severity.trendNewAdmissions' },
  { field: 'deaths', per: DEATHS_PER, title: 'severity.trendDeaths' },
] as const satisfies ReadonlyArray<{ field: SeverityField; per: number; title: string }>;

// rounded: the charts draw and show at most two decimals, and the payload to the browser stays small
const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/**
 * One chart per indicator over the chosen weeks, then one per severity figure (not judged: no threshold line). Each
 * week is judged by the plan in force that week, so the line drawn is the threshold of the last week's plan (a plan
 * change shows as a step in the verdicts, not in the line). Under the epidemic and severity charts: how fast the
 * figure grows at the last week.
 */
export async function TrendPanel({
  series,
  informationOnly = [],
}: {
  series: WeekFigures[];
  informationOnly?: readonly CriterionKey[];
}) {
  const t = await getTranslations('dashboard');
  const tc = await getTranslations('criteria');
  const f = await getNumberFormats();
  const growth = await growthWording();
  const last = series[series.length - 1]!;
  const criterionOf = (w: WeekFigures, key: CriterionKey) => w.criteria?.find((c) => c.key === key) ?? null;
  const common = {
    loading: t('trends.loading'),
    week: t.raw('trends.week') as string,
    noValue: t('trends.noValue'),
    provisional: t('trends.provisional'),
  };
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        {CRITERION_KEYS.map((key) => {
          const points = series.map((w): TrendPointTuple => {
            return [w.week, round2(criterionOf(w, key)?.rate ?? null), w.provisional ? 1 : 0];
          });
          const latest = criterionOf(last, key);
          const judged = !informationOnly.includes(key) && latest !== null;
          const thresholdLabel = latest
            ? t('trends.threshold', {
                comparator: COMPARATOR_SYMBOL[latest.comparator],
                threshold: f.threshold(latest.threshold),
              })
            : '';
          const metWeeks = series.filter((w) => criterionOf(w, key)?.met === true).length;
          const value = latest?.rate == null ? t('trends.noValue') : f.rate(latest.rate);
          const summary = judged
            ? t('trends.summary', {
                name: tc(key),
                week: last.week,
                value,
                threshold: thresholdLabel,
                met: metWeeks,
                weeks: series.length,
              })
            : t('trends.summaryNoThreshold', { name: tc(key), week: last.week, value });
          // growth ("tăng nhanh") under the epidemic figures' charts; the capacity ones have their threshold line
          const field = GROWTH_OF_CRITERION[key];
          return (
            <TrendChart
              key={key}
              id={key}
              title={tc(key)}
              points={points}
              threshold={judged && latest ? { value: latest.threshold, comparator: latest.comparator } : null}
              summary={summary}
              note={field ? growth(series, field).line : undefined}
              locale={f.locale}
              labels={{
                ...common,
                // "for information at district level" only where it is so; a province's week without criteria
                // (no population, or a week outside its validity) has no value to draw, not a district's reading
                legend:
                  judged && latest
                    ? `${thresholdLabel} · ${t(breachSide(latest.comparator) === 'above' ? 'trends.breachAbove' : 'trends.breachBelow')}`
                    : informationOnly.includes(key)
                      ? t('trends.noThreshold')
                      : t('trends.noValue'),
              }}
            />
          );
        })}
      </div>
      <h3 className="mb-2 mt-6 text-base font-semibold text-slate-800">{t('severity.titleMonitored')}</h3>
      <div className="grid gap-4 md:grid-cols-2">
        {SEVERITY_CHARTS.map(({ field, per, title }) => {
          const rateOf = (w: WeekFigures) =>
            w.population === null ? null : perPopulation(w.counts[field], w.population, per);
          const points = series.map((w): TrendPointTuple => [w.week, round2(rateOf(w)), w.provisional ? 1 : 0]);
          const latest = rateOf(last);
          const name = t(title);
          const value = latest === null ? t('trends.noValue') : f.rate(latest);
          return (
            <TrendChart
              key={field}
              id={field}
              title={name}
              points={points}
              threshold={null}
              summary={t('trends.summaryNoThreshold', { name, week: last.week, value })}
              note={growth(series, field).line}
              locale={f.locale}
              labels={{ ...common, legend: t('severity.trendLegend') }}
            />
          );
        })}
      </div>
    </>
  );
}
