import { getTranslations } from '@/i18n/server';
import { formatIsoWeek, weekRange, type IsoWeek } from '@/lib/epi-week';
import { CAPACITY_CRITERIA } from '@/lib/surge';
import { getDistrictCards, getDistrictReports, getDistrictTrends, type DistrictContext } from '@/server/queries/dashboard-district';
import { DistrictReports } from './district-reports';
import { IndicatorCards } from './indicator-cards';
import { TrendPanel } from './trend-panel';
import { VerdictSummary } from './verdict-summary';

// The district page's widgets, each rendered in its own Suspense by the page. A district is judged on the epidemic
// criteria over its own population; beds and ICU are pooled across the province and shown for information only.

export const REPORT_WEEKS = 12;

export async function DistrictVerdictWidget({ ctx, week }: { ctx: DistrictContext; week: IsoWeek }) {
  const t = await getTranslations('dashboard');
  const { current, previous } = await getDistrictCards(ctx, week);
  return (
    <section aria-labelledby="verdict" className="mb-8">
      <VerdictSummary figures={current} title={t('verdict.districtTitle', { name: ctx.branch.name, week: current.week })} />
      <p className="mb-3 text-xs text-slate-600">{t('verdict.districtNote')}</p>
      <IndicatorCards current={current} previous={previous} informationOnly={CAPACITY_CRITERIA} />
    </section>
  );
}

export async function DistrictTrendsWidget({ ctx, week, range }: { ctx: DistrictContext; week: IsoWeek; range: number }) {
  const t = await getTranslations('dashboard');
  const series = await getDistrictTrends(ctx, week, range);
  return (
    <section aria-labelledby="trends" className="mb-8">
      <h2 id="trends" className="mb-1 text-lg font-semibold">
        {t('trends.title', { weeks: range, week: formatIsoWeek(week) })}
      </h2>
      <p className="mb-3 text-xs text-slate-600">{t('trends.gaps')}</p>
      <TrendPanel series={series} informationOnly={CAPACITY_CRITERIA} />
    </section>
  );
}

export async function DistrictReportsWidget({ ctx, week }: { ctx: DistrictContext; week: IsoWeek }) {
  const t = await getTranslations('dashboard');
  const reports = await getDistrictReports(ctx, week, REPORT_WEEKS);
  const weeks = weekRange(week, REPORT_WEEKS).map(formatIsoWeek).reverse();
  return (
    <section aria-labelledby="reports" className="mb-8">
      <h2 id="reports" className="mb-3 text-lg font-semibold">
        {t('district.reportsTitle', { weeks: REPORT_WEEKS, week: formatIsoWeek(week) })}
      </h2>
      <DistrictReports weeks={weeks} reports={reports} selectedWeek={formatIsoWeek(week)} />
    </section>
  );
}
