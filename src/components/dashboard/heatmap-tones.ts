// Shared by the heatmap's server part (legend) and its client table: a plain module, since values exported from a
// 'use client' module reach server components only as client references.

/** 0 no figures, 1 below ½ of the threshold, 2 ½ to ¾, 3 above ¾, 4 a criterion met */
export type HeatTone = 0 | 1 | 2 | 3 | 4;

/** The tones' classes, defined in src/app/globals.css: short names, since a province's heatmap has hundreds of cells. */
export const HEAT_TONES: Record<HeatTone, string> = {
  0: 'heat-0',
  1: 'heat-1',
  2: 'heat-2',
  3: 'heat-3',
  4: 'heat-4',
};
