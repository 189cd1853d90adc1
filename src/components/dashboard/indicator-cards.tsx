import { getTranslations } from '@/i18n/server';
import type { CriterionResult } from '@/lib/surge';
import type { WeekFigures } from '@/server/verdicts/series';
import { COMPARATOR_SYMBOL } from '@/components/surge/format';
import { getNumberFormats } from '@/i18n/server';

type State = 'met' | 'notMet' | 'unknown' | 'informationOnly';

const TONE: Record<State, string> = {
  met: 'border-red-400 bg-red-50',
  notMet: 'border-emerald-300 bg-white',
  unknown: 'border-slate-300 border-dashed bg-white',
  informationOnly: 'border-slate-200 bg-slate-50',
};
// never colour alone: each state has its symbol and its word
const SYMBOL: Record<State, string> = { met: '▲', notMet: '✓', unknown: '?', informationOnly: '•' };

/**
 * The four indicators of a week: the rate per 100,000, the plan's threshold with its comparator, whether it is met,
 * and the change from the week before. informationOnly: criteria judged elsewhere (a district's beds and ICU).
 */
export async function IndicatorCards({
  current,
  previous,
  informationOnly = [],
}: {
  current: WeekFigures;
  previous: WeekFigures;
  informationOnly?: readonly string[];
}) {
  const t = await getTranslations('dashboard');
  const tc = await getTranslations('criteria');
  const f = await getNumberFormats();
  const prior = new Map((previous.criteria ?? []).map((c) => [c.key, c]));
  const criteria: CriterionResult[] = current.criteria ?? [];
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="indicator-cards">
      {criteria.map((c) => {
        const state: State = informationOnly.includes(c.key)
          ? 'informationOnly'
          : c.met === null
            ? 'unknown'
            : c.met
              ? 'met'
              : 'notMet';
        const before = prior.get(c.key)?.rate ?? null;
        const delta = c.rate !== null && before !== null ? c.rate - before : null;
        const change =
          delta === null
            ? t('cards.noComparison', { week: previous.week })
            : Math.abs(delta) < 0.05
              ? t('cards.same', { week: previous.week })
              : t(delta > 0 ? 'cards.up' : 'cards.down', { delta: f.rate(Math.abs(delta)), week: previous.week });
        return (
          <li
            key={c.key}
            data-criterion={c.key}
            data-state={state}
            className={`flex flex-col rounded-lg border p-4 ${TONE[state]}`}
          >
            <p className="text-sm font-medium text-slate-700">{tc(c.key)}</p>
            <p className="mt-1 text-3xl font-bold tabular-nums text-slate-900">
              {c.rate === null ? '—' : f.rate(c.rate)}
            </p>
            <p className="text-xs text-slate-500">{t('cards.per100k')}</p>
            {state !== 'informationOnly' && (
              <p className="mt-2 text-sm text-slate-700">
                {t('cards.threshold', {
                  comparator: COMPARATOR_SYMBOL[c.comparator],
                  threshold: f.threshold(c.threshold),
                })}
              </p>
            )}
            <p
              className={`mt-1 text-sm font-semibold ${state === 'met' ? 'text-red-800' : state === 'notMet' ? 'text-emerald-800' : 'text-slate-600'}`}
            >
              <span aria-hidden="true">{SYMBOL[state]} </span>
              {t(`cards.${state}`)}
            </p>
            <p className="mt-auto pt-2 text-xs text-slate-600">
              {delta !== null && Math.abs(delta) >= 0.05 && <span aria-hidden="true">{delta > 0 ? '↑ ' : '↓ '}</span>}
              {change}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
