'use client';
import { useFormatter, useTranslations } from 'use-intl/react';
import { criterionNotSettled, isCapacityNote, settlementOf } from '@/components/surge/verdict-display';
import { evaluateProvinceWeek, type Plan } from '@/lib/surge';
import { expectedByKind } from '@/lib/units';
import { FIGURE_FIELDS, hasReported, judgedCounts, type Figures } from '@/lib/validations/figures';
import { CriterionMark } from './criterion-mark';
import type { GridRow } from './grid-state';
import { LevelChip } from './level-chip';

/** The province total as typed so far, and the verdict it would produce, computed by the shared surge module. */
export function LiveTotal({
  rows,
  figures,
  plan,
  population,
  hasErrors,
}: {
  rows: GridRow[];
  figures: Figures[];
  plan: Plan;
  population: number | null;
  hasErrors: boolean;
}) {
  const t = useTranslations('entry');
  const tl = useTranslations('levels');
  const format = useFormatter();
  const ownIndex = rows.findIndex((r) => r.kind === 'province');
  const districtRows = figures.filter((_, i) => i !== ownIndex).map((f) => (hasReported(f) ? judgedCounts(f) : null));
  const result =
    population === null
      ? null
      : evaluateProvinceWeek({
          ownRow: ownIndex >= 0 && hasReported(figures[ownIndex]) ? judgedCounts(figures[ownIndex]!) : null,
          districtRows,
          expectedDistricts: rows.length - (ownIndex >= 0 ? 1 : 0),
          // as the server's reader: who reports each figure follows the rows' roles (src/lib/units.ts)
          expectedReporters: expectedByKind(rows.map((r) => r.kind)),
          population,
          plan,
        });
  const sum = (field: (typeof FIGURE_FIELDS)[number]) => {
    const known = figures.map((f) => f[field]).filter((v): v is number => v !== null);
    return known.length
      ? format.number(
          known.reduce((a, b) => a + b, 0),
          { maximumFractionDigits: 2 },
        )
      : '—';
  };

  return (
    <tfoot className="border-t-2 border-slate-300 bg-slate-50">
      <tr>
        <th scope="row" className="px-3 py-2 text-left align-top">
          <span className="block font-semibold">{t('total.title')}</span>
          {result && (
            <span className="block text-xs text-slate-600" data-testid="total-completeness">
              {t('total.completeness', {
                reported: result.completeness.reported,
                expected: result.completeness.expected,
              })}
            </span>
          )}
        </th>
        {FIGURE_FIELDS.map((f) => (
          <td
            key={f}
            className={`px-3 py-2 text-right align-top font-semibold tabular-nums ${
              f === 'severeCases' ? 'border-l border-slate-200' : ''
            }`}
          >
            {sum(f)}
          </td>
        ))}
        <td className="px-3 py-2 align-top text-xs" aria-live="polite" data-testid="total-verdict">
          {result ? (
            <div className="flex flex-col items-start gap-1">
              <LevelChip
                level={result.verdict.level}
                provisional={result.verdict.provisional}
                settled={result.verdict.settled}
              />
              {settlementOf(result.verdict) === 'notSettled' && (
                <span className="text-amber-900" data-testid="total-not-settled">
                  {tl('notSettledLong')}
                </span>
              )}
              {result.verdict.criteria.map((c) => {
                // a capacity criterion met without any epidemic one does not raise the level: information, not alarm
                const note = isCapacityNote(c, result.verdict.level, result.verdict.criteria);
                return (
                  <span key={c.key} className="flex flex-col" data-total-criterion={c.key}>
                    <span>
                      <CriterionMark criterion={c} informationOnly={note} showThreshold />
                      {criterionNotSettled(c) && (
                        <span className="text-amber-900" data-testid="criterion-not-settled">
                          {' '}
                          · {tl('criterionNotSettled')}
                        </span>
                      )}
                    </span>
                    {note && (
                      <span className="text-slate-600" data-testid="capacity-note">
                        {tl('capacityNote', { key: c.key })}
                      </span>
                    )}
                  </span>
                );
              })}
              {hasErrors && <span className="text-red-800">{t('total.errorsLeftOut')}</span>}
            </div>
          ) : (
            <span className="text-slate-500">{t('grid.noPopulation')}</span>
          )}
        </td>
      </tr>
    </tfoot>
  );
}
