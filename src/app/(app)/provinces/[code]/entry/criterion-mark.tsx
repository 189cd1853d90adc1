'use client';
import { useFormatter, useTranslations } from 'use-intl/react';
import { COMPARATOR_SYMBOL } from '@/components/surge/format';
import type { CriterionResult } from '@/lib/surge';

/** One criterion: its rate per 100,000 and whether it is met (▲ met, ✓ not met, ? unknown, · information only). */
export function CriterionMark({
  criterion,
  informationOnly = false,
  showThreshold = false,
}: {
  criterion: CriterionResult;
  informationOnly?: boolean;
  showThreshold?: boolean;
}) {
  const t = useTranslations('entry.rates');
  const format = useFormatter();
  const state = informationOnly ? 'info' : criterion.met === null ? 'unknown' : criterion.met ? 'met' : 'notMet';
  const symbol = { info: '·', unknown: '?', met: '▲', notMet: '✓' }[state];
  const tone = {
    info: 'text-slate-500',
    unknown: 'text-slate-500',
    met: 'font-semibold text-red-800',
    notMet: 'text-emerald-800',
  }[state];
  return (
    <span className={`whitespace-nowrap ${tone}`} data-criterion={criterion.key} data-state={state}>
      {t(criterion.key)} {criterion.rate === null ? '—' : format.number(criterion.rate, { maximumFractionDigits: 1 })}{' '}
      <span aria-hidden="true">{symbol}</span>
      <span className="sr-only">{t(state)}</span>
      {showThreshold && (
        <span className="font-normal text-slate-500">
          {' '}
          ({COMPARATOR_SYMBOL[criterion.comparator]} {format.number(criterion.threshold)})
        </span>
      )}
    </span>
  );
}
