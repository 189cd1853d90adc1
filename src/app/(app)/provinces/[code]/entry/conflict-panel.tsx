'use client';
import { useFormatter, useTranslations } from 'use-intl/react';
import type { FigureField, Figures } from '@/lib/validations/figures';
import type { StoredState } from '@/lib/contracts/reports';
import type { GridRow } from './grid-state';

export type Choice = 'mine' | 'theirs';

export interface ConflictState {
  stored: StoredState;
  /** the cells where the stored figures differ from what this user typed */
  fields: FigureField[];
  choices: Partial<Record<FigureField, Choice>>;
}

interface Props {
  index: number;
  row: GridRow;
  mine: Figures;
  conflict: ConflictState;
  onChoose: (index: number, field: FigureField, choice: Choice) => void;
  onChooseAll: (index: number, choice: Choice) => void;
  onApply: (index: number) => void;
}

/** Someone saved this report after it was read: their figures beside these, a choice per cell, nothing lost. */
export function ConflictPanel({ index, row, mine, conflict, onChoose, onChooseAll, onApply }: Props) {
  const t = useTranslations('entry');
  const format = useFormatter();
  const show = (v: number | null) =>
    v === null ? t('conflict.empty') : format.number(v, { maximumFractionDigits: 2 });
  const who = conflict.stored.updatedBy ?? t('warnings.someone');
  const complete = conflict.fields.every((f) => conflict.choices[f]);
  const name = row.kind === 'province' ? t('grid.ownRow') : row.name;
  return (
    <section
      role="alert"
      aria-labelledby={`conflict-${index}`}
      className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4"
      data-testid="conflict-panel"
    >
      <h3 id={`conflict-${index}`} className="font-semibold text-amber-950">
        <span aria-hidden="true">⚠ </span>
        {t('conflict.title', {
          unit: name,
          by: who,
          at: format.dateTime(new Date(conflict.stored.updatedAt), { dateStyle: 'short', timeStyle: 'short' }),
          version: conflict.stored.version,
        })}
      </h3>
      <p className="mt-1 text-sm text-amber-950">{t('conflict.help')}</p>
      <table className="mt-3 text-sm">
        <thead>
          <tr className="text-left text-xs uppercase text-slate-600">
            <th scope="col" className="py-1 pr-4">
              {t('conflict.field')}
            </th>
            <th scope="col" className="py-1 pr-4">
              {t('conflict.mine')}
            </th>
            <th scope="col" className="py-1 pr-4">
              {t('conflict.theirs', { by: who })}
            </th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((f) => (
            <tr key={f}>
              <th scope="row" className="py-1 pr-4 text-left font-medium">
                {t(`fields.${f}`)}
              </th>
              {(['mine', 'theirs'] as const).map((choice) => (
                <td key={choice} className="py-1 pr-4">
                  <label className="inline-flex items-center gap-2">
                    <input
                      type="radio"
                      name={`conflict-${index}-${f}`}
                      checked={conflict.choices[f] === choice}
                      onChange={() => onChoose(index, f, choice)}
                    />
                    <span className="tabular-nums">
                      {show(choice === 'mine' ? mine[f] : conflict.stored.figures[f])}
                    </span>
                    <span className="sr-only">
                      {t(choice === 'mine' ? 'conflict.keepMine' : 'conflict.takeTheirs')}
                    </span>
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => onChooseAll(index, 'theirs')}
          className="rounded border border-amber-700 bg-white px-3 py-1 text-sm"
        >
          {t('conflict.takeAllTheirs')}
        </button>
        <button
          type="button"
          onClick={() => onChooseAll(index, 'mine')}
          className="rounded border border-amber-700 bg-white px-3 py-1 text-sm"
        >
          {t('conflict.keepAllMine')}
        </button>
        <button
          type="button"
          onClick={() => onApply(index)}
          disabled={!complete}
          className="rounded bg-amber-800 px-3 py-1 text-sm font-semibold text-white disabled:opacity-50"
        >
          {t('conflict.apply')}
        </button>
      </div>
    </section>
  );
}
