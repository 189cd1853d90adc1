import { getNumberFormats, getTranslations } from '@/i18n/server';
import { GROWTH_OF_CRITERION } from '@/lib/growth';
import type { CriterionResult } from '@/lib/surge';
import type { WeekFigures } from '@/server/verdicts/series';
import { COMPARATOR_SYMBOL } from '@/components/surge/format';
import {
  criterionCoverage,
  criterionNotSettled,
  criterionState,
  type CriterionState,
} from '@/components/surge/verdict-display';
import { GrowthLine, growthWording } from './growth-line';
import { SeverityCards } from './severity-cards';

const TONE: Record<CriterionState, string> = {
  met: 'border-red-400 bg-red-50',
  notMet: 'border-emerald-300 bg-white',
  unknown: 'border-slate-300 border-dashed bg-white',
  informationOnly: 'border-slate-200 bg-slate-50',
  capacityNote: 'border-sky-300 bg-sky-50',
};
// never colour alone: each state has its symbol and its word
const SYMBOL: Record<CriterionState, string> = {
  met: '▲',
  notMet: '✓',
  unknown: '?',
  informationOnly: '•',
  capacityNote: '•',
};
const WORD_TONE: Record<CriterionState, string> = {
  met: 'text-red-800',
  notMet: 'text-emerald-800',
  unknown: 'text-slate-600',
  informationOnly: 'text-slate-600',
  capacityNote: 'text-sky-900',
};

/**
 * The four indicators of a week: the rate per 100,000, the plan's threshold with its comparator, whether it is met,
 * whether the missing reports could still change that, and the change from the week before. informationOnly: criteria
 * judged elsewhere (a district's beds and ICU). A capacity criterion met without any epidemic one is information, not
 * an alarm (docs/adr/0003-surge-rule.md). With `recent` (the last GROWTH_WEEKS weeks, oldest first): how fast cases
 * and oxygen grow, and under the cards the severity figures ("Mức độ nặng"), shown but not judged.
 */
export async function IndicatorCards({
  current,
  previous,
  recent,
  informationOnly = [],
}: {
  current: WeekFigures;
  previous: WeekFigures;
  recent?: readonly WeekFigures[];
  informationOnly?: readonly string[];
}) {
  const t = await getTranslations('dashboard');
  const tc = await getTranslations('criteria');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  const growth = recent ? await growthWording() : null;
  const prior = new Map((previous.criteria ?? []).map((c) => [c.key, c]));
  const criteria: CriterionResult[] = current.criteria ?? [];
  const province = informationOnly.length === 0;
  return (
    <div>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="indicator-cards">
        {criteria.map((c) => {
          const state = criterionState(c, { level: current.level, criteria, informationOnly });
          const before = prior.get(c.key)?.rate ?? null;
          const delta = c.rate !== null && before !== null ? c.rate - before : null;
          const change =
            delta === null
              ? t('cards.noComparison', { week: previous.week })
              : Math.abs(delta) < 0.05
                ? t('cards.same', { week: previous.week })
                : t(delta > 0 ? 'cards.up' : 'cards.down', { delta: f.rate(Math.abs(delta)), week: previous.week });
          const unsettled = state !== 'informationOnly' && criterionNotSettled(c);
          const coverage =
            state === 'informationOnly' ? null : criterionCoverage(c.key, current.byField, current.expectedByField);
          // growth ("tăng nhanh") on the epidemic figures; the capacity ones keep the change of their rate
          const field = GROWTH_OF_CRITERION[c.key];
          const growthLine = growth && field ? growth(recent!, field) : null;
          return (
            <li
              key={c.key}
              data-criterion={c.key}
              data-state={state}
              data-settled={unsettled ? 'false' : undefined}
              className={`flex flex-col rounded-lg border p-4 ${TONE[state]}`}
            >
              <p className="text-sm font-medium text-slate-700">{tc(c.key)}</p>
              <p className="mt-1 text-3xl font-bold tabular-nums text-slate-900">
                {c.rate === null ? '—' : f.rate(c.rate)}
              </p>
              {state !== 'informationOnly' && (
                <p className="mt-2 text-sm text-slate-700">
                  {t('cards.threshold', {
                    comparator: COMPARATOR_SYMBOL[c.comparator],
                    threshold: f.threshold(c.threshold),
                  })}
                </p>
              )}
              <p className={`mt-1 text-sm font-semibold ${WORD_TONE[state]}`}>
                <span aria-hidden="true">{SYMBOL[state]} </span>
                {state === 'capacityNote' ? tl('capacityNote', { key: c.key }) : t(`cards.${state}`)}
                {unsettled && (
                  <span className="font-normal text-amber-900" data-testid="criterion-not-settled">
                    {' '}
                    · {tl('criterionNotSettled')}
                  </span>
                )}
              </p>
              {state === 'capacityNote' && <p className="text-xs text-sky-900">{tl('capacityNoteHelp')}</p>}
              {coverage && (
                <p className="text-xs text-amber-900" data-testid="criterion-coverage">
                  {tl('reportedBy', coverage)}
                </p>
              )}
              {growthLine && (
                <div className="mt-auto pt-2">
                  <GrowthLine words={growthLine} testId="growth" />
                </div>
              )}
              {/* the change of the rate, named with its unit (the threshold's): beside a growth line, a change of the
                  count, a card never shows two changes without saying what each is of */}
              <p className={`${growthLine ? '' : 'mt-auto '}pt-2 text-xs text-slate-600`} data-testid="rate-change">
                {delta !== null && Math.abs(delta) >= 0.05 && <span aria-hidden="true">{delta > 0 ? '↑ ' : '↓ '}</span>}
                {change}
              </p>
            </li>
          );
        })}
      </ul>
      {province && criteria.length > 0 && (
        <p className="mt-2 text-xs text-slate-600" data-testid="combination-note">
          {tl('combination', { rule: current.plan.rule })}
        </p>
      )}
      {recent && <SeverityCards recent={recent} district={!province} />}
    </div>
  );
}
