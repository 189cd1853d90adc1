// Shared by the heatmap's server part (legend) and its client table: a plain module, since values exported from a
// 'use client' module reach server components only as client references.

/** 0 no figures, 1 below ½ of the threshold, 2 ½ to ¾, 3 above ¾, 4 a criterion met */
export type HeatTone = 0 | 1 | 2 | 3 | 4;

export const HEAT_TONES: Record<HeatTone, string> = {
  0: 'bg-white text-slate-400',
  1: 'bg-orange-50 text-slate-800',
  2: 'bg-orange-200 text-slate-900',
  3: 'bg-orange-400 text-slate-950',
  4: 'bg-red-700 font-semibold text-white',
};
