import { getTranslations } from '@/i18n/server';
import { formatIsoWeek, weekRange, type IsoWeek } from '@/lib/epi-week';
import { CAPACITY_CRITERIA } from '@/lib/surge';
import {
  getDistrictCards,
  getDistrictReports,
  getDistrictTrends,
  type DistrictContext,
} from '@/server/dashboard/district';
import { DistrictReports } from './district-reports';
import { TrendsSection, VerdictSection } from './province-widgets';

// The district page's widgets, each rendered in its own Suspense by the page. A district is judged on the epidemic
// criteria over its own population; beds and ICU are pooled across the province and shown for information only.

export const REPORT_WEEKS = 12;

export async function DistrictVerdictWidget({ ctx, week }: { ctx: DistrictContext; week: IsoWeek }) {
  const t = await getTranslations('dashboard');
  const { current, previous, recent } = await getDistrictCards(ctx, week);
  return (
    <VerdictSection
      title={t('verdict.districtTitle', { name: ctx.branch.name, week: current.week })}
      note={t('verdict.districtNote')}
      current={current}
      previous={previous}
      recent={recent}
      informationOnly={CAPACITY_CRITERIA}
      validity={ctx.branch}
      validityNote
    />
  );
}

export async function DistrictTrendsWidget({
  ctx,
  week,
  range,
}: {
  ctx: DistrictContext;
  week: IsoWeek;
  range: number;
}) {
  return (
    <TrendsSection
      series={await getDistrictTrends(ctx, week, range)}
      week={week}
      range={range}
      informationOnly={CAPACITY_CRITERIA}
      validity={ctx.branch}
    />
  );
}

export async function DistrictReportsWidget({ ctx, week }: { ctx: DistrictContext; week: IsoWeek }) {
  const t = await getTranslations('dashboard');
  const reports = ctx.reportsVisible ? await getDistrictReports(ctx, week, REPORT_WEEKS) : null;
  const weeks = weekRange(week, REPORT_WEEKS).map(formatIsoWeek).reverse();
  return (
    <section aria-labelledby="reports" className="mb-8">
      <h2 id="reports" className="mb-3 text-lg font-semibold">
        {t('district.reportsTitle', { weeks: REPORT_WEEKS, week: formatIsoWeek(week) })}
      </h2>
      {reports === null ? (
        <p
          className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-slate-700"
          data-testid="district-reports-hidden"
        >
          {t('district.reportsHidden')}
        </p>
      ) : (
        <DistrictReports weeks={weeks} reports={reports} selectedWeek={formatIsoWeek(week)} validity={ctx.branch} />
      )}
    </section>
  );
}
