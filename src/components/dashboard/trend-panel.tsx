import { TrendChart, type TrendPointTuple } from '@/components/charts/trend-chart';
import { getTranslations } from '@/i18n/server';
import { CRITERION_KEYS, type CriterionKey } from '@/lib/surge';
import type { WeekFigures } from '@/server/verdicts/series';
import { breachSide, COMPARATOR_SYMBOL } from '@/components/surge/format';
import { getNumberFormats } from '@/i18n/server';

/**
 * One chart per indicator over the chosen weeks. Each week is judged by the plan in force that week, so the line
 * drawn is the threshold of the last week's plan (a plan change shows as a step in the verdicts, not in the line).
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
  const last = series[series.length - 1]!;
  const criterionOf = (w: WeekFigures, key: CriterionKey) => w.criteria?.find((c) => c.key === key) ?? null;
  const common = {
    loading: t('trends.loading'),
    week: t.raw('trends.week') as string,
    noValue: t('trends.noValue'),
    provisional: t('trends.provisional'),
  };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {CRITERION_KEYS.map((key) => {
        // rounded: the charts draw and show at most two decimals, and the payload to the browser stays small
        const points = series.map((w): TrendPointTuple => {
          const rate = criterionOf(w, key)?.rate ?? null;
          return [w.week, rate === null ? null : Math.round(rate * 100) / 100, w.provisional ? 1 : 0];
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
        return (
          <TrendChart
            key={key}
            id={key}
            title={tc(key)}
            points={points}
            threshold={judged && latest ? { value: latest.threshold, comparator: latest.comparator } : null}
            summary={summary}
            locale={f.locale}
            labels={{
              ...common,
              legend:
                judged && latest
                  ? `${thresholdLabel} · ${t(breachSide(latest.comparator) === 'above' ? 'trends.breachAbove' : 'trends.breachBelow')}`
                  : t('trends.noThreshold'),
            }}
          />
        );
      })}
    </div>
  );
}
