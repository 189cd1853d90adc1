import { Sparkline } from '@/components/charts/sparkline';
import { LevelBadge } from '@/components/surge/level-badge';
import { getTranslations } from '@/i18n/server';
import { type IsoWeek } from '@/lib/epi-week';

import {
  getProvinceCards,
  getProvinceHeatmap,
  getProvinceTrends,
  getProvinceUnits,
  provinceHeader,
  type ProvinceContext,
} from '@/server/dashboard/province';
import { breachSide, COMPARATOR_SYMBOL } from '@/components/surge/format';
import {
  criterionCoverage,
  criterionNotSettled,
  criterionState,
  settlementOf,
  type CriterionState,
} from '@/components/surge/verdict-display';
import { getNumberFormats } from '@/i18n/server';
import { formatDateTime } from '@/i18n/format';
import { GROWTH_OF_CRITERION } from '@/lib/growth';
import { SEVERITY_FIELDS } from '@/lib/surge';
import { growthHelp, growthWording } from './growth-line';
import { severityDisplay } from './severity-cards';
import { StandingPill } from './verdict-summary';
import { WeekCounts } from './week-counts';
import { weekStanding } from './week-standing';

// The province's weekly brief for a leaders' meeting: one A4 page, readable in black and white (symbols and words,
// not colour), drawn entirely on the server (the small charts are plain SVG). A paper outlives the figures it was
// printed from, so it says whether its level could still change ("Chưa chốt") and that the way the criteria combine
// is SurgeWatch's reading of the appendix.

const STATE_SYMBOL: Record<CriterionState, string> = {
  met: '▲',
  notMet: '✓',
  unknown: '?',
  informationOnly: '•',
  capacityNote: '•',
};

const HOTSPOTS = 8;

export async function WeeklyBrief({
  ctx,
  week,
  preparedAt,
}: {
  ctx: ProvinceContext;
  week: IsoWeek;
  preparedAt: Date;
}) {
  const t = await getTranslations('dashboard');
  const tc = await getTranslations('criteria');
  const tp = await getTranslations('province');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  const growth = await growthWording();
  const help = await growthHelp();
  const severityOf = await severityDisplay();
  const [{ current, previous, recent }, series, heatmap, units] = await Promise.all([
    getProvinceCards(ctx, week),
    getProvinceTrends(ctx, week, 12),
    getProvinceHeatmap(ctx, week),
    getProvinceUnits(ctx, week),
  ]);
  const header = provinceHeader(ctx, week);
  const hotspots = heatmap.rows
    .map((r) => ({ name: r.name, cell: r.cells[r.cells.length - 1]! }))
    .filter((r) => r.cell.casesRate !== null)
    .sort((a, b) => (b.cell.casesRate ?? 0) - (a.cell.casesRate ?? 0))
    .slice(0, HOTSPOTS);
  const missing = units.units
    .filter((u) => u.counts === null)
    .map((u) => (u.kind === 'province' ? tp('ownRow') : u.name));
  const rate = (v: number | null | undefined) => (v === null || v === undefined ? '—' : f.rate(v));
  const prior = new Map((previous.criteria ?? []).map((c) => [c.key, c]));
  const criteria = current.criteria ?? [];
  const settlement = settlementOf(current);
  // no level, rate or criteria on paper either for a week without a verdict: its counts, and why
  const standing = weekStanding(current, ctx.meta);
  const judged = standing === 'judged';
  const severity = severityOf(current);
  const priorSeverity = severityOf(previous);

  return (
    <article
      className="brief mx-auto max-w-[190mm] bg-white text-[12px] leading-snug text-black"
      data-testid="weekly-brief"
    >
      <div className="mb-3 border-b-2 border-black pb-2">
        <h1 className="text-xl font-bold">{t('print.title', { week: current.week, name: header.name })}</h1>
        <p>{t('banner.plan', { name: header.plan.name, source: header.plan.sourceDocument })}</p>
        <p className="text-[11px]">
          {t('print.generated', { at: formatDateTime(f.locale, preparedAt.toISOString()) })}
        </p>
      </div>

      <section className="mb-3 flex flex-wrap items-center gap-3">
        <h2 className="font-semibold">{t('print.level')}:</h2>
        {judged ? (
          <LevelBadge
            level={current.level}
            provisional={current.provisional}
            settled={current.settled}
            size="lg"
            quietNote={false}
          />
        ) : (
          <StandingPill standing={standing} />
        )}
        {current.valid && (
          <span>
            {t('verdict.completeness', {
              reported: current.reported,
              expected: current.expected,
              percent: f.percent(current.expected ? current.reported / current.expected : 0),
            })}
          </span>
        )}
        {current.valid && current.legacy > 0 && (
          <p className="w-full" data-testid="legacy-left-out">
            ⊘ {t('standing.legacyLeftOut', { count: current.legacy })}
          </p>
        )}
        {settlement === 'notSettled' && (
          <p className="w-full font-bold" data-testid="not-settled-note">
            ◌ {tl('notSettledLong')}
          </p>
        )}
        {settlement === 'settledProvisional' && (
          <p className="w-full">{t('verdict.settledProvisional', { missing: current.expected - current.reported })}</p>
        )}
      </section>

      {!judged && (
        <section className="mb-3">
          <WeekCounts figures={current} standing={standing} />
        </section>
      )}
      <section className="mb-3" hidden={!judged}>
        <h2 className="mb-1 font-semibold">{t('print.criteria')}</h2>
        <table className="w-full border-collapse">
          <thead>
            <tr className="border-b border-black text-left">
              <th scope="col" className="py-1 pr-2">
                {t('print.criterion')}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t('print.value', { week: current.week })}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t('print.previous', { week: previous.week })}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t('print.threshold')}
              </th>
              <th scope="col" className="py-1 pr-2">
                {t('print.state')}
              </th>
              <th scope="col" className="py-1">
                {t('print.trends')}
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => {
              const state = criterionState(c, { level: current.level, criteria });
              const coverage = criterionCoverage(c.key, current.byField, current.expectedByField);
              return (
                <tr key={c.key} className="border-b border-slate-400" data-criterion={c.key} data-state={state}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium">
                    {tc(c.key)}
                    {GROWTH_OF_CRITERION[c.key] && (
                      <span className="block text-[10px] font-normal" data-testid="growth">
                        {growth(recent, GROWTH_OF_CRITERION[c.key]!).line}
                      </span>
                    )}
                  </th>
                  <td className="py-1 pr-2 text-right font-semibold tabular-nums">{rate(c.rate)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{rate(prior.get(c.key)?.rate)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">
                    {COMPARATOR_SYMBOL[c.comparator]} {f.threshold(c.threshold)}
                  </td>
                  <td className="py-1 pr-2">
                    <span className="whitespace-nowrap font-semibold">
                      {STATE_SYMBOL[state]}{' '}
                      {state === 'capacityNote' ? tl('capacityNote', { key: c.key }) : t(`cards.${state}`)}
                    </span>
                    {criterionNotSettled(c) && (
                      <span className="whitespace-nowrap"> · {tl('criterionNotSettled')}</span>
                    )}
                    {coverage && <span className="block text-[10px]">{tl('reportedBy', coverage)}</span>}
                  </td>
                  <td className="py-1">
                    <Sparkline
                      values={series.map((w) => w.criteria?.find((x) => x.key === c.key)?.rate ?? null)}
                      threshold={c.threshold}
                      breach={breachSide(c.comparator)}
                      width={150}
                      height={30}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-1 text-[10px]">{t('print.sparkNote')}</p>
        {criteria.some((c) => criterionState(c, { level: current.level, criteria }) === 'capacityNote') && (
          <p className="mt-1 text-[10px]">• {tl('capacityNoteHelp')}</p>
        )}
        <p className="mt-1 text-[10px]" data-testid="combination-note">
          {tl('combination', { rule: current.plan.rule })}
        </p>
      </section>

      <section className="mb-3" data-testid="severity-brief">
        <h2 className="mb-1 font-semibold">{t('severity.titleMonitored')}</h2>
        <table className="w-full border-collapse">
          <thead>
            <tr className="border-b border-black text-left">
              <th scope="col" className="py-1 pr-2">
                {t('severity.printFigure')}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t('severity.printRate', { week: current.week })}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t('severity.printCount')}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t('severity.printPrevious', { week: previous.week })}
              </th>
              <th scope="col" className="py-1">
                {t('severity.printGrowth')}
              </th>
            </tr>
          </thead>
          <tbody>
            {SEVERITY_FIELDS.map((field) => {
              const { count, rate: shownRate, perMillion } = severity[field];
              return (
                <tr key={field} className="border-b border-slate-400" data-severity={field}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium">
                    {t(`severity.${field}`)}
                  </th>
                  <td className="py-1 pr-2 text-right tabular-nums">
                    <span className="font-semibold">{shownRate ?? '—'}</span>
                    {perMillion && <span className="block text-[10px]">{perMillion}</span>}
                  </td>
                  <td className="py-1 pr-2 text-right tabular-nums">
                    {count === null ? (
                      <span className="whitespace-nowrap">{t('severity.notReported')}</span>
                    ) : (
                      f.integer(count)
                    )}
                  </td>
                  <td className="py-1 pr-2 text-right tabular-nums">{priorSeverity[field].rate ?? '—'}</td>
                  {/* the same line as the cards': "—" with its reason, and a doubling time that may still hold */}
                  <td className="py-1 text-[11px]" data-testid="growth">
                    {growth(recent, field).line}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-1 text-[10px]">{t('severity.note')}</p>
        <p className="mt-1 text-[10px]">{help}</p>
      </section>

      <section className="mb-3">
        <h2 className="mb-1 font-semibold">{t('print.hotspots')}</h2>
        {hotspots.length === 0 ? (
          <p>{t('print.noHotspots')}</p>
        ) : (
          <ol className="grid grid-cols-2 gap-x-6">
            {hotspots.map((h) => (
              <li key={h.name} className="flex justify-between border-b border-dotted border-slate-500 py-0.5">
                <span>
                  {h.cell.casesMet || h.cell.oxygenMet ? '▲ ' : ''}
                  {h.name}
                </span>
                <span className="tabular-nums">{rate(h.cell.casesRate)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="mb-4">
        <h2 className="mb-1 font-semibold">{t('print.completeness')}</h2>
        {current.valid ? (
          <p>{missing.length ? t('units.missing', { units: missing.join(', ') }) : t('units.allIn')}</p>
        ) : (
          <StandingPill standing={standing} size="sm" />
        )}
      </section>
      <p className="mt-6">{t('print.signature')}</p>
    </article>
  );
}
