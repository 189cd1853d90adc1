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
import { getNumberFormats } from '@/i18n/server';
import { formatDateTime } from '@/i18n/format';

// The province's weekly brief for a leaders' meeting: one A4 page, readable in black and white (symbols and words,
// not colour), drawn entirely on the server (the small charts are plain SVG).

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
  const f = await getNumberFormats();
  const [{ current, previous }, series, heatmap, units] = await Promise.all([
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
        <LevelBadge level={current.level} provisional={current.provisional} size="lg" />
        <span>
          {t('verdict.completeness', {
            reported: current.reported,
            expected: current.expected,
            percent: f.percent(current.expected ? current.reported / current.expected : 0),
          })}
        </span>
      </section>

      <section className="mb-3">
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
            {(current.criteria ?? []).map((c) => (
              <tr key={c.key} className="border-b border-slate-400">
                <th scope="row" className="py-1 pr-2 text-left font-medium">
                  {tc(c.key)}
                </th>
                <td className="py-1 pr-2 text-right font-semibold tabular-nums">{rate(c.rate)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{rate(prior.get(c.key)?.rate)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {COMPARATOR_SYMBOL[c.comparator]} {f.threshold(c.threshold)}
                </td>
                <td className="whitespace-nowrap py-1 pr-2 font-semibold">
                  {c.met === null
                    ? `? ${t('cards.unknown')}`
                    : c.met
                      ? `▲ ${t('cards.met')}`
                      : `✓ ${t('cards.notMet')}`}
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
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-[10px]">{t('print.sparkNote')}</p>
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
        <p>{missing.length ? t('units.missing', { units: missing.join(', ') }) : t('units.allIn')}</p>
      </section>
      <p className="mt-6">{t('print.signature')}</p>
    </article>
  );
}
