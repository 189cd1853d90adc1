import { getTranslations } from '@/i18n/server';
import { formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { CriterionKey } from '@/lib/surge';
import {
  getProvinceCards,
  getProvinceHeatmap,
  getProvinceTrends,
  getProvinceUnits,
  provinceHeader,
  type ProvinceContext,
} from '@/server/dashboard/province';
import type { WeekFigures } from '@/server/verdicts/series';
import { filtersQuery } from '@/server/dashboard/filters';
import { growthHelp } from './growth-line';
import { DistrictHeatmap } from './heatmap';
import { IndicatorCards } from './indicator-cards';
import { LegacyWeeks } from './legacy-weeks';
import { TrendPanel } from './trend-panel';
import { UnitsTable } from './units-table';
import { StandingPill, VerdictSummary } from './verdict-summary';
import { WeekCounts } from './week-counts';
import { weekStanding, type UnitValidity } from './week-standing';

// The province dashboard's widgets. Each is an async server component that reads its own figures (through the cache)
// and is rendered by the page inside its own <Suspense>, so a slow one never holds the others back.

/**
 * The week's level and the four cards: the province's, or (with informationOnly) a district's. A week with no verdict
 * (no population in force, or outside the unit's validity) shows its sums as counts instead of rates and a level.
 */
export function VerdictSection({
  title,
  note,
  current,
  previous,
  recent,
  informationOnly,
  validity,
  validityNote = false,
}: {
  title: string;
  note?: string;
  current: WeekFigures;
  previous: WeekFigures;
  /** the last GROWTH_WEEKS weeks, oldest first: growth and the severity row */
  recent?: readonly WeekFigures[];
  informationOnly?: readonly CriterionKey[];
  /** the unit's own validity: whether a week without a verdict is after its end or before its start */
  validity: UnitValidity;
  /** say the validity beside "không đánh giá" (where the page's header does not) */
  validityNote?: boolean;
}) {
  const standing = weekStanding(current, validity);
  return (
    <section aria-labelledby="verdict" className="mb-8">
      <VerdictSummary
        figures={current}
        title={title}
        standing={standing}
        validity={validityNote ? validity : undefined}
      />
      {note && standing === 'judged' && <p className="mb-3 text-xs text-slate-600">{note}</p>}
      {standing === 'judged' ? (
        <IndicatorCards current={current} previous={previous} recent={recent} informationOnly={informationOnly} />
      ) : (
        <WeekCounts figures={current} standing={standing} />
      )}
    </section>
  );
}

/** One trend chart per criterion over `range` weeks ending with `week`. */
export async function TrendsSection({
  series,
  week,
  range,
  informationOnly,
  validity,
}: {
  series: WeekFigures[];
  week: IsoWeek;
  range: number;
  informationOnly?: readonly CriterionKey[];
  validity: UnitValidity;
}) {
  const t = await getTranslations('dashboard');
  const help = await growthHelp();
  // no week of the range can have a rate (outside the unit's validity, or no population in force): empty charts would
  // read as weeks without reports, so they give way to the reason, and to the legacy sums if any
  const anyValid = series.some((w) => w.valid);
  const noRates = series.every((w) => !w.valid || w.population === null);
  return (
    <section aria-labelledby="trends" className="mb-8">
      <h2 id="trends" className="mb-1 text-lg font-semibold">
        {t('trends.title', { weeks: range, week: formatIsoWeek(week) })}
      </h2>
      {!noRates && (
        <>
          <p className="text-xs text-slate-600">{t('trends.gaps')}</p>
          <p className="mb-3 text-xs text-slate-600">{help}</p>
        </>
      )}
      {noRates && anyValid && (
        <p className="mb-3 text-sm font-medium text-slate-800" data-testid="trends-no-population">
          {t('standing.noPopulationCharts')}
        </p>
      )}
      {noRates && !anyValid && (
        <p className="mb-3" data-testid="trends-not-judged">
          <StandingPill standing={weekStanding(series[series.length - 1]!, validity)} size="sm" />
        </p>
      )}
      {!noRates && <TrendPanel series={series} informationOnly={informationOnly} />}
      <LegacyWeeks series={series} />
    </section>
  );
}

export async function VerdictWidget({ ctx, week }: { ctx: ProvinceContext; week: IsoWeek }) {
  const t = await getTranslations('dashboard');
  const { current, previous, recent } = await getProvinceCards(ctx, week);
  return (
    <VerdictSection
      title={t('verdict.title', { week: current.week })}
      current={current}
      previous={previous}
      recent={recent}
      validity={ctx.meta}
    />
  );
}

export async function TrendsWidget({ ctx, week, range }: { ctx: ProvinceContext; week: IsoWeek; range: number }) {
  return (
    <TrendsSection series={await getProvinceTrends(ctx, week, range)} week={week} range={range} validity={ctx.meta} />
  );
}

/** Above this many units (a commune-level tree), the heatmap shows the HOTSPOTS hottest ones unless asked for all. */
export const HEATMAP_ALL_UP_TO = 24;
const HOTSPOTS = 20;

export async function HeatmapWidget({
  ctx,
  week,
  range,
  allUnits = false,
}: {
  ctx: ProvinceContext;
  week: IsoWeek;
  range: number;
  allUnits?: boolean;
}) {
  const t = await getTranslations('dashboard');
  const full = await getProvinceHeatmap(ctx, week);
  const valid = provinceHeader(ctx, week).valid;
  const standing = weekStanding({ week: formatIsoWeek(week), valid, population: null }, ctx.meta);
  const trimmed = !allUnits && full.rows.length > HEATMAP_ALL_UP_TO;
  const heatmap = trimmed ? { ...full, rows: full.rows.slice(0, HOTSPOTS) } : full;
  const toggle = full.rows.length > HEATMAP_ALL_UP_TO && (
    <p className="mt-2 text-sm">
      <a
        href={`/provinces/${ctx.meta.code}${filtersQuery({ week, range, allUnits: trimmed })}#heatmap`}
        className="text-sky-800 underline"
      >
        {trimmed ? t('heatmap.showAll', { count: full.rows.length }) : t('heatmap.showHotspots', { count: HOTSPOTS })}
      </a>
    </p>
  );
  return (
    <section aria-labelledby="heatmap" className="mb-8">
      <h2 id="heatmap" className="mb-1 text-lg font-semibold">
        {t('heatmap.title', { week: formatIsoWeek(week) })}
      </h2>
      {full.rows.length === 0 ? (
        // an ended province after its end has no unit in force: no map, and no level to put on one
        <p className="text-sm text-slate-700" data-testid="heatmap-empty">
          {valid ? t('standing.noUnits') : <StandingPill standing={standing} size="sm" />}
        </p>
      ) : (
        <DistrictHeatmap
          provinceCode={ctx.meta.code}
          heatmap={heatmap}
          cacheKey={`${ctx.meta.code}:${formatIsoWeek(week)}:${trimmed ? HOTSPOTS : 'all'}:${ctx.fingerprint}`}
        />
      )}
      {toggle}
    </section>
  );
}

/** The week's reporting: who has not reported yet, per figure how many did, and where to see every unit's figures. */
export async function CompletenessWidget({ ctx, week }: { ctx: ProvinceContext; week: IsoWeek }) {
  const t = await getTranslations('dashboard');
  const tp = await getTranslations('province');
  const [view, { current }] = await Promise.all([getProvinceUnits(ctx, week), getProvinceCards(ctx, week)]);
  const weekText = formatIsoWeek(week);
  const missing = view.units
    .filter((u) => u.counts === null)
    .map((u) => (u.kind === 'province' ? tp('ownRow') : u.name));
  // from the one verdict reader, as the cards: per figure, how many units reported it (no population is needed)
  const byField = current.valid ? current.byField : null;
  const legacyNote = current.legacy > 0 && (
    <p className="text-sm text-slate-700" data-testid="units-legacy">
      <span aria-hidden="true">⊘ </span>
      {current.valid
        ? t('standing.legacyLeftOut', { count: current.legacy })
        : t('standing.legacyCounts', { count: current.legacy, week: weekText })}
    </p>
  );
  if (!current.valid)
    // an ended province after its end expects no report: "all in" or a list of missing units would both mislead
    return (
      <section aria-labelledby="units" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="units" className="mb-1 text-lg font-semibold">
          {t('units.title', { week: weekText })}
        </h2>
        <p className="mb-1">
          <StandingPill standing={weekStanding(current, ctx.meta)} size="sm" />
        </p>
        {legacyNote}
      </section>
    );
  return (
    <section aria-labelledby="units" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="units" className="mb-1 text-lg font-semibold">
        {t('units.title', { week: weekText })}
      </h2>
      {legacyNote}
      <p
        className={`text-sm ${missing.length ? 'font-medium text-amber-900' : 'text-slate-700'}`}
        data-testid="missing-units"
      >
        {missing.length ? (
          <>
            <span aria-hidden="true">○ </span>
            {t('units.missing', { units: missing.join(', ') })}
          </>
        ) : (
          t('units.allIn')
        )}
      </p>
      {byField && (
        <p className="text-xs text-slate-600">
          {t('units.byField', {
            cases: byField.newCases,
            oxygen: byField.oxygenAvg7d,
            beds: byField.freeCovidBeds,
            icu: byField.staffedIcuBeds,
          })}
        </p>
      )}
      <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
        <a href={`/provinces/${ctx.meta.code}/districts?week=${weekText}`} className="text-sky-800 underline">
          {t('units.tableLink')}
        </a>
        <a href={`/provinces/${ctx.meta.code}/completeness?week=${weekText}`} className="text-sky-800 underline">
          {t('units.completenessLink')}
        </a>
      </p>
    </section>
  );
}

const HIDDEN_COUNTS = { newCases: null, oxygenAvg7d: null, freeCovidBeds: null, staffedIcuBeds: null };

/** Every reporting unit's figures for the week (the districts page). */
export async function UnitsWidget({ ctx, week }: { ctx: ProvinceContext; week: IsoWeek }) {
  const view = await getProvinceUnits(ctx, week);
  // the raw figures of units whose reports the user may not read never leave the server (their rate and level do)
  const units = view.units.map((u) =>
    ctx.readsReportsOf(u.id) ? u : { ...u, counts: u.counts && HIDDEN_COUNTS, figuresHidden: true },
  );
  return <UnitsTable provinceCode={ctx.meta.code} week={formatIsoWeek(week)} units={units} />;
}
