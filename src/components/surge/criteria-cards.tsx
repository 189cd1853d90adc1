import { getNumberFormats, getTranslations } from '@/i18n/server';
import type { CriterionResult, SurgeLevel } from '@/lib/surge';
import { COMPARATOR_SYMBOL } from './format';
import { criterionNotSettled, criterionState } from './verdict-display';

/**
 * The four criteria of a recorded verdict (an activation's snapshot). With `level`, a capacity criterion met without
 * any epidemic one is shown as information rather than as met; "chưa chốt" marks a criterion the then missing reports
 * could still have changed.
 */
export async function CriteriaCards({ criteria, level }: { criteria: CriterionResult[]; level?: SurgeLevel }) {
  const t = await getTranslations('criteria');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {criteria.map((c) => {
        const state = level
          ? criterionState(c, { level, criteria })
          : c.met === null
            ? 'unknown'
            : c.met
              ? 'met'
              : 'notMet';
        const tone =
          state === 'unknown'
            ? 'border-slate-300'
            : state === 'met'
              ? 'border-red-400 bg-red-50'
              : state === 'capacityNote'
                ? 'border-sky-300 bg-sky-50'
                : 'border-emerald-300 bg-white';
        return (
          <li key={c.key} className={`rounded-lg border p-4 ${tone}`} data-criterion={c.key} data-state={state}>
            <p className="text-sm text-slate-600">{t(c.key)}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums">{c.rate === null ? '—' : f.decimal(c.rate)}</p>
            <p className="mt-1 text-sm text-slate-600">
              {t('threshold', { comparator: COMPARATOR_SYMBOL[c.comparator], threshold: f.integer(c.threshold) })}
            </p>
            <p className="mt-2 text-sm font-semibold">
              <span aria-hidden="true">
                {state === 'unknown' ? '? ' : state === 'met' ? '▲ ' : state === 'capacityNote' ? '• ' : '✓ '}
              </span>
              {state === 'capacityNote'
                ? tl('capacityNote', { key: c.key })
                : t(state === 'informationOnly' ? 'unknown' : state)}
              {criterionNotSettled(c) && <span className="font-normal"> · {tl('criterionNotSettled')}</span>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
