'use client';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'use-intl/react';
import { reportersOf, validityText, type ReportingSystem } from '@/lib/units';
import { evaluateDistrict, type Plan } from '@/lib/surge';
import {
  FIGURE_FIELDS,
  hasReported,
  judgedCounts,
  SEVERITY_FIGURE_FIELDS,
  type FigureField,
  type Figures,
} from '@/lib/validations/figures';
import type { RowWarning } from '@/lib/contracts/reports';
import { CriterionMark } from './criterion-mark';
import { hasCell, type CellErrors, type GridRow } from './grid-state';
import { LevelChip } from './level-chip';

export interface CellHandlers {
  onChange: (row: number, field: FigureField, value: string) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>, row: number, field: FigureField) => void;
  onPaste: (event: React.ClipboardEvent<HTMLInputElement>, row: number, field: FigureField) => void;
  register: (row: number, field: FigureField, element: HTMLInputElement | null) => void;
}

interface Props extends CellHandlers {
  row: GridRow;
  index: number;
  figures: Figures;
  errors: CellErrors;
  warnings: RowWarning[];
  dirty: boolean;
  conflicted: boolean;
  plan: Plan;
  system: ReportingSystem;
  historyHref: string | null;
}

export function GridRowView({
  row,
  index,
  figures,
  errors,
  warnings,
  dirty,
  conflicted,
  plan,
  system,
  historyHref,
  ...handlers
}: Props) {
  const t = useTranslations('entry');
  const locale = useLocale();
  const format = useFormatter();
  const own = row.kind === 'province';
  // districts and communes have a population of their own; the province row and facilities add to its total
  const local = row.kind === 'district' || row.kind === 'commune';
  const reported = hasReported(row.base);
  const verdict =
    local && row.population !== null ? evaluateDistrict(judgedCounts(figures), row.population, plan) : null;
  const number = (v: number | null) => (v === null ? '—' : format.number(v, { maximumFractionDigits: 2 }));
  const label = own ? t('grid.ownRow') : row.name;

  return (
    <tr
      className={`${own ? 'bg-sky-50/60' : ''} ${conflicted ? 'outline outline-2 -outline-offset-2 outline-amber-500' : ''}`}
      data-unit={row.unitCode}
      data-kind={row.kind}
    >
      {/* sticky: the unit stays in view while the figures scroll sideways (40+ rows on a phone) */}
      <th
        scope="row"
        className={`sticky left-0 z-10 min-w-36 px-3 py-2 text-left align-top font-normal ${own ? 'bg-sky-50' : 'bg-white'}`}
      >
        <span className="block font-medium text-slate-900">{label}</span>
        <span className="block text-xs text-slate-500">
          {row.gsoCode}
          {row.kind === 'facility' && ` · ${t('grid.facility')}`}
        </span>
        {row.former && (
          <span
            className="mt-0.5 inline-block rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900"
            title={t('grid.formerUnitValidity', {
              validity: validityText(row.former.validFrom, row.former.validTo, locale === 'vi' ? 'vi' : 'en'),
            })}
            data-testid="former-unit"
          >
            {t('grid.formerUnit')}
          </span>
        )}
        {reported ? (
          <span className="block text-xs text-emerald-800">
            <span aria-hidden="true">✓ </span>
            {row.updatedBy
              ? t('grid.reportedBy', {
                  by: row.updatedBy,
                  at: format.dateTime(new Date(row.updatedAt!), { dateStyle: 'short', timeStyle: 'short' }),
                })
              : t('grid.reported')}
          </span>
        ) : (
          <span className="block text-xs font-semibold text-amber-800" data-testid="not-reported">
            <span aria-hidden="true">○ </span>
            {t('grid.notReported')}
          </span>
        )}
        {dirty && (
          <span className="block text-xs text-sky-800">
            <span aria-hidden="true">✎ </span>
            {t('grid.unsaved')}
          </span>
        )}
        {historyHref && (
          <Link href={historyHref} className="text-xs text-sky-800 underline">
            {t('grid.history')}
          </Link>
        )}
      </th>
      {FIGURE_FIELDS.map((field) => {
        if (!hasCell(row, field)) {
          // not this row's figure: who reports it, and a figure stored before the rules changed, kept as it is
          const who = t('grid.reportedElsewhere', {
            field: t(`fields.${field}`),
            reporters: reportersOf(field, system),
          });
          const kept = row.base?.[field] ?? null;
          return (
            <td key={field} className="px-1.5 py-2 text-center align-top text-slate-400" title={who}>
              <span aria-hidden="true">{kept === null ? '—' : number(kept)}</span>
              <span className="sr-only">{who}</span>
            </td>
          );
        }
        const error = errors[field];
        const warning = warnings.find((w) => w.code === 'farFromHistory' && w.field === field);
        // an emptied cell over a stored figure: the save would clear it, said beside the cell with the stored value
        const clears = warnings.some((w) => w.code === 'clearsFigures' && w.fields.includes(field));
        const id = `cell-${index}-${field}`;
        const groupStart = field === SEVERITY_FIGURE_FIELDS[0] ? 'border-l border-slate-200' : '';
        return (
          <td key={field} className={`px-1.5 py-1.5 align-top ${groupStart}`}>
            <input
              id={id}
              ref={(el) => handlers.register(index, field, el)}
              value={row.values[field]}
              onChange={(e) => handlers.onChange(index, field, e.target.value)}
              onKeyDown={(e) => handlers.onKeyDown(e, index, field)}
              onPaste={(e) => handlers.onPaste(e, index, field)}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              aria-label={`${t(`fields.${field}`)} — ${label}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-prev ${id}-msg`}
              className={`w-20 rounded border px-2 py-1 text-right tabular-nums focus:outline-none focus:ring-2 focus:ring-sky-600 ${
                error
                  ? 'border-red-700 bg-red-50'
                  : warning || clears
                    ? 'border-amber-600 bg-amber-50'
                    : 'border-slate-300 bg-white'
              }`}
            />
            <span id={`${id}-prev`} className="mt-0.5 block text-right text-[11px] text-slate-500">
              {t('grid.previous', { value: number(row.previous?.[field] ?? null) })}
            </span>
            <span id={`${id}-msg`} aria-live="polite" className="block max-w-24 text-xs">
              {error && (
                <span className="text-red-800" data-testid="cell-error">
                  <span aria-hidden="true">✖ </span>
                  {t.has(`errors.${error}`) ? t(`errors.${error}`) : t('errors.invalid')}
                </span>
              )}
              {!error && warning && warning.code === 'farFromHistory' && (
                <span className="text-amber-900" data-testid="cell-warning">
                  <span aria-hidden="true">⚠ </span>
                  {t('warnings.farShort', { median: warning.median })}
                </span>
              )}
              {!error && clears && (
                <span className="text-amber-900" data-testid="cell-warning">
                  <span aria-hidden="true">⚠ </span>
                  {t('warnings.clearsShort', { value: number(row.base?.[field] ?? null) })}
                </span>
              )}
            </span>
          </td>
        );
      })}
      <td className="px-3 py-2 align-top text-xs">
        {verdict ? (
          <div className="flex flex-col items-start gap-1" data-testid="row-verdict">
            <LevelChip level={verdict.level} provisional={verdict.provisional} />
            <CriterionMark criterion={verdict.criteria[0]!} />
            <CriterionMark criterion={verdict.criteria[1]!} />
          </div>
        ) : (
          <span className="text-slate-500">{local ? t('grid.noPopulation') : t('grid.ownRowRates')}</span>
        )}
      </td>
    </tr>
  );
}
