import { getTranslations } from '@/i18n/server';
import { cachedFigures } from '@/server/verdicts/cache';
import type { HeatCell, Heatmap } from '@/server/verdicts/series';
import { COMPARATOR_SYMBOL } from '@/components/surge/format';
import { getNumberFormats } from '@/i18n/server';
import { HeatmapTable, type HeatCellTuple } from './heatmap-table';
import { HEAT_TONES, type HeatTone } from './heatmap-tones';

// District × week: the epidemic criteria per 100,000 of each district. A sequential scale (light to dark) for how close
// a cell is to its threshold, and a symbol for what colour cannot say alone: ▲ met, ○ no figures.

function toneOf(cell: HeatCell): HeatTone {
  if (cell.level === 'no-data' || cell.intensity === null) return 0;
  if (cell.casesMet || cell.oxygenMet) return 4;
  return cell.intensity < 0.5 ? 1 : cell.intensity < 0.75 ? 2 : 3;
}

/**
 * cacheKey: what the heatmap was computed from (province, week, data version); the cells' formatted strings are kept
 * under it, per language, since formatting several hundred numbers on every request cost more than drawing them.
 */
export async function DistrictHeatmap({
  provinceCode,
  heatmap,
  cacheKey,
}: {
  provinceCode: string;
  heatmap: Heatmap;
  cacheKey: string;
}) {
  const t = await getTranslations('dashboard');
  const f = await getNumberFormats();
  const { cases, oxygen } = heatmap.thresholds;
  const noValue = t('heatmap.noValue');
  const rate = (v: number | null) => (v === null ? noValue : f.rate(v));
  const buildRows = () =>
    heatmap.rows.map((row) => ({
      code: row.code,
      name: row.name,
      note: row.hasPopulation ? null : t('heatmap.noPopulation'),
      cells: row.cells.map((cell): HeatCellTuple => {
        // a unit without any population in the window: no rate could be computed, which is not "no figures"
        if (!row.hasPopulation) return ['∅', 0, noValue, noValue, 0, 1];
        const tone = toneOf(cell);
        const text =
          tone === 0
            ? '○'
            : `${tone === 4 ? '▲' : ''}${cell.casesRate === null ? noValue : f.compact(cell.casesRate)}${cell.provisional ? '*' : ''}`;
        return [text, tone, rate(cell.casesRate), rate(cell.oxygenRate), cell.provisional ? 1 : 0, 0];
      }),
    }));
  const rows = await cachedFigures(`heat-view:${f.locale}:${cacheKey}`, async () => buildRows());
  const legend: Array<[HeatTone, string, string]> = [
    [0, '○', t('heatmap.legendNoData')],
    [1, '', t('heatmap.legendLow')],
    [2, '', t('heatmap.legendMid')],
    [3, '', t('heatmap.legendHigh')],
    [4, '▲', t('heatmap.legendMet')],
  ];
  return (
    <div>
      <p className="mb-2 text-sm text-slate-700">
        {t('heatmap.help', {
          casesThreshold: `${COMPARATOR_SYMBOL[cases.comparator]} ${f.threshold(cases.threshold)}`,
          oxygenThreshold: `${COMPARATOR_SYMBOL[oxygen.comparator]} ${f.threshold(oxygen.threshold)}`,
        })}
      </p>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <HeatmapTable
          base={`/provinces/${provinceCode}/districts`}
          weeks={heatmap.weeks}
          rows={rows}
          labels={{
            unit: t('heatmap.unit'),
            cell: t.raw('heatmap.cell') as string,
            states: [
              t('heatmap.stateNoData'),
              t('heatmap.stateNotMet'),
              t('heatmap.stateNotMet'),
              t('heatmap.stateNotMet'),
              t('heatmap.stateMet'),
            ],
            provisional: t('heatmap.provisionalCell'),
            noPopulation: t('standing.noPopulation'),
          }}
        />
      </div>
      <ul className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700" aria-hidden="true">
        {legend.map(([tone, symbol, text]) => (
          <li key={tone}>
            <span className={`mr-1 inline-block w-8 rounded text-center ${HEAT_TONES[tone]}`}>
              {symbol || '\u00a0'}
            </span>
            {text}
          </li>
        ))}
        {heatmap.rows.some((r) => !r.hasPopulation) && (
          <li>
            <span className={`mr-1 inline-block w-8 rounded text-center ${HEAT_TONES[0]}`}>∅</span>
            {t('heatmap.noPopulation')}
          </li>
        )}
        {heatmap.rows.some((r) => r.cells.some((c) => c.provisional && c.level !== 'no-data')) && (
          <li>{t('heatmap.legendProvisional')}</li>
        )}
      </ul>
    </div>
  );
}
