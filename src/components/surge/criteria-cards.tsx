import { getNumberFormats, getTranslations } from '@/i18n/server';
import type { CriterionResult } from '@/lib/surge';
import { COMPARATOR_SYMBOL } from './format';

export async function CriteriaCards({ criteria }: { criteria: CriterionResult[] }) {
  const t = await getTranslations('criteria');
  const f = await getNumberFormats();
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {criteria.map((c) => {
        const state = c.met === null ? 'unknown' : c.met ? 'met' : 'notMet';
        const tone =
          c.met === null ? 'border-slate-300' : c.met ? 'border-red-400 bg-red-50' : 'border-emerald-300 bg-white';
        return (
          <li key={c.key} className={`rounded-lg border p-4 ${tone}`}>
            <p className="text-sm text-slate-600">{t(c.key)}</p>
            <p className="mt-1 text-3xl font-semibold tabular-nums">{c.rate === null ? '—' : f.decimal(c.rate)}</p>
            <p className="mt-1 text-sm text-slate-600">
              {t('threshold', { comparator: COMPARATOR_SYMBOL[c.comparator], threshold: f.integer(c.threshold) })}
            </p>
            <p className="mt-2 text-sm font-semibold">
              <span aria-hidden="true">{c.met === null ? '? ' : c.met ? '▲ ' : '✓ '}</span>
              {t(state)}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
