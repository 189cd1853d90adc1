import type { Comparator, SurgeLevel } from '@/lib/surge';

export const COMPARATOR_SYMBOL: Record<Comparator, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** Which side of the threshold is the breach: "more than" thresholds are breached above, "less than" below. */
export function breachSide(comparator: Comparator): 'above' | 'below' {
  return comparator === '>' || comparator === '>=' ? 'above' : 'below';
}

// Levels are never told by colour alone: each has a symbol and a word too (colour-blind readers, black-and-white print).
export const LEVEL_STYLE: Record<SurgeLevel, { symbol: string; className: string }> = {
  surge: { symbol: '▲▲', className: 'border-red-300 bg-red-50 text-red-900' },
  warning: { symbol: '▲', className: 'border-amber-300 bg-amber-50 text-amber-900' },
  normal: { symbol: '●', className: 'border-emerald-300 bg-emerald-50 text-emerald-900' },
  'no-data': { symbol: '○', className: 'border-slate-300 bg-slate-50 text-slate-700' },
};
