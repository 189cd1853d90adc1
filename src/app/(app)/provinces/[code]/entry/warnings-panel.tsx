'use client';
import { useFormatter, useTranslations } from 'use-intl/react';
import type { LevelChange, RowWarning } from '@/lib/contracts/reports';
import { LevelChangeNotice } from './level-change';

/**
 * Soft warnings: the user confirms them once, or goes back to correct the figures. A change of the province's level
 * comes first, on its own: it is about the whole province, and what it sets off, not about one cell.
 */
export function WarningsPanel({
  warnings,
  levelChange,
  names,
  pending,
  onConfirm,
  onDismiss,
}: {
  warnings: RowWarning[];
  levelChange: LevelChange | null;
  /** unit code -> name shown in the grid */
  names: Record<string, string>;
  pending: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
}) {
  const t = useTranslations('entry');
  const format = useFormatter();
  return (
    <section
      role="alert"
      aria-labelledby="warnings-title"
      className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4"
      data-testid="warnings-panel"
    >
      <h3 id="warnings-title" className="font-semibold text-amber-950">
        <span aria-hidden="true">⚠ </span>
        {t('warnings.title', { count: warnings.length + (levelChange ? 1 : 0) })}
      </h3>
      {levelChange && (
        <div className="mt-2">
          <LevelChangeNotice change={levelChange} />
        </div>
      )}
      <ul className={warnings.length > 0 ? 'mt-2 list-disc space-y-1 pl-5 text-sm text-amber-950' : 'hidden'}>
        {warnings.map((w, i) => (
          <li key={i}>
            <span className="font-medium">{names[w.unitCode] ?? w.unitCode}: </span>
            {w.code === 'alreadyReported'
              ? t('warnings.alreadyReported', {
                  by: w.by ?? t('warnings.unknownReporter'),
                  at: format.dateTime(new Date(w.at), { dateStyle: 'short', timeStyle: 'short' }),
                })
              : w.code === 'clearsFigures'
                ? t('warnings.clearsFigures', {
                    count: w.fields.length,
                    fields: w.fields.map((f) => t(`fields.${f}`)).join(', '),
                  })
                : // a median of 0 is only ever a severity figure's (src/server/reports/checks.ts)
                  t(w.median === 0 ? 'warnings.farFromZero' : 'warnings.farFromHistory', {
                    field: t(`fields.${w.field}`),
                    value: w.value,
                    median: w.median,
                    count: w.history,
                  })}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onConfirm}
          disabled={pending}
          className="rounded bg-amber-800 px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-50"
        >
          {t('warnings.confirm')}
        </button>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded border border-amber-800 bg-white px-4 py-1.5 text-sm"
        >
          {t('warnings.back')}
        </button>
      </div>
    </section>
  );
}
