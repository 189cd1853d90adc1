// "Tăng nhanh": how fast a figure rises or falls, as the plans' criterion text asks ("số mắc, số ca nặng và tử vong
// tăng nhanh"). Pure, no I/O: the server computes it for the cards, the trends and the print brief. On COUNTS, never on
// rates: within one population they grow alike, but the small-number rules below are about counts (a rise from 3 to 6
// cases is noise, not a doubling). See docs/adr/0013-severity-and-growth.md.

import type { CountField, Counts, CriterionKey, SeverityField } from '@/lib/surge';

/** Week-on-week change is shown only when last week's figure is at least this. */
export const MIN_PREVIOUS = 10;
/** Doubling time: every reported week's figure must be at least this ... */
export const MIN_COUNT = 10;
/** ... or this for deaths (fewer of them, and each one weighs more). */
export const MIN_DEATHS = 5;
/** Doubling time is fitted over this many weeks, ending with the week shown ... */
export const GROWTH_WEEKS = 4;
/** ... of which at least this many must be reported. */
export const MIN_REPORTED_WEEKS = 3;
/** A doubling or halving time longer than this reads "ổn định" (stable): half a year is no "tăng nhanh". */
export const STABLE_AFTER_WEEKS = 26;

type Figure = number | null | undefined;

/**
 * (this week − last week) / last week, e.g. 0.35 for "↑ 35 %". null ("—") when this week is unreported, or last week
 * is unreported or below MIN_PREVIOUS (a rise from 2 to 5 is no "150 %"). Unreported = null or undefined, never 0.
 */
export function weekOnWeek(current: Figure, previous: Figure): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (previous < MIN_PREVIOUS) return null;
  return (current - previous) / previous;
}

export interface DoublingTime {
  /** 'stable': the doubling or halving time is longer than STABLE_AFTER_WEEKS (or the figure did not move) */
  kind: 'doubling' | 'halving' | 'stable';
  /** ln 2 / |b|, in weeks; Infinity when b = 0 */
  weeks: number;
}

/**
 * The doubling (or halving) time of a figure over GROWTH_WEEKS weeks, oldest first (null/undefined = unreported):
 * ln 2 / |b|, b the least-squares slope of ln(figure) against the week's index. A gap keeps its place (the index is
 * the week's, not the reported one's), so 100, —, 200, 283 still spans three weeks. null (not computable, "—") unless
 * at least MIN_REPORTED_WEEKS weeks are reported and each reported one is at least `minCount` (MIN_COUNT; MIN_DEATHS
 * for deaths): this also keeps zeros, whose logarithm does not exist, out of the fit.
 */
export function doublingTime(values: readonly Figure[], { minCount }: { minCount: number }): DoublingTime | null {
  if (values.length !== GROWTH_WEEKS) throw new RangeError(`doublingTime takes ${GROWTH_WEEKS} weeks`);
  const points: Array<[x: number, y: number]> = [];
  for (const [x, v] of values.entries()) {
    if (v === null || v === undefined) continue;
    if (!(v >= minCount)) return null;
    points.push([x, Math.log(v)]);
  }
  if (points.length < MIN_REPORTED_WEEKS) return null;
  const meanX = points.reduce((a, [x]) => a + x, 0) / points.length;
  const meanY = points.reduce((a, [, y]) => a + y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  const b = sxy / sxx;
  const weeks = b === 0 ? Infinity : Math.LN2 / Math.abs(b);
  if (weeks > STABLE_AFTER_WEEKS) return { kind: 'stable', weeks };
  return { kind: b > 0 ? 'doubling' : 'halving', weeks };
}

/** The figures growth is shown for (the capacity ones, free beds and ICU, only as the change of their rate). */
export type GrowthField = 'newCases' | 'oxygenAvg7d' | 'severeCases' | 'newAdmissions' | 'deaths';

/** The criteria whose card, trend and brief row show growth, and the count it is computed on. */
export const GROWTH_OF_CRITERION: Partial<Record<CriterionKey, GrowthField>> = {
  cases: 'newCases',
  oxygen: 'oxygenAvg7d',
};

/**
 * What growth needs of a week (the verdict reader's WeekFigures has it): the sums, and per figure how many units
 * reported it (the four judged figures also how many are expected to; the severity figures are optional, no count is
 * expected of them).
 */
export interface CoveredWeek {
  counts: Counts;
  byField: Record<CountField, number>;
  expectedByField: Record<CountField, number>;
  severityByField: Record<SeverityField, number>;
}

/** Why the week-on-week change is "—". */
export type NoChange =
  /** nobody reported the figure in the window: there is nothing to wait for */
  | { reason: 'current' }
  /** this week fewer units reported it than in the window's best-covered week: the rest may still come */
  | { reason: 'waiting'; reported: number; of: number }
  /** last week nobody, or fewer units than in the window's best-covered week, reported it */
  | { reason: 'previous'; reported: number; of: number }
  /** last week's figure is below MIN_PREVIOUS */
  | { reason: 'small'; min: number };

export interface Growth {
  /** weekOnWeek of the last two weeks, when both are like-for-like */
  change: number | null;
  /** why `change` is null (null when it is not) */
  noChange: NoChange | null;
  /** fitted over the like-for-like weeks of the window */
  doubling: DoublingTime | null;
  /** the last week is not like-for-like yet: `reported` units gave the figure, `of` gave it in the best-covered week */
  waiting: { reported: number; of: number } | null;
  /** a week the change or the fit rests on could still change: a judged figure some expected unit has not reported */
  provisional: boolean;
}

const isJudged = (field: GrowthField): field is GrowthField & CountField =>
  field === 'newCases' || field === 'oxygenAvg7d';

/**
 * The growth of one figure at the last of `weeks` (oldest first; the last GROWTH_WEEKS are used, fewer weeks count as
 * unreported ones before them).
 *
 * Like for like: a week's sum enters growth only when as many units reported the figure as in the window's
 * best-covered week. A week still being reported (the dashboard's default week, usually) would otherwise read as a
 * fall: 200, 283, 400 and then 170 from 3 of 10 units is no "↓ 58 %", it is a doubling whose last week is not in yet.
 * Such a week counts as not reported: the fit uses the others (still MIN_REPORTED_WEEKS of GROWTH_WEEKS) and the
 * change is "—", waiting for the reports.
 */
export function growthOfWeeks(weeks: readonly CoveredWeek[], field: GrowthField): Growth {
  const window: Array<CoveredWeek | null> = weeks.slice(-GROWTH_WEEKS);
  while (window.length < GROWTH_WEEKS) window.unshift(null);
  const coverage = window.map((w) =>
    w === null ? 0 : isJudged(field) ? w.byField[field] : w.severityByField[field as SeverityField],
  );
  const of = Math.max(...coverage);
  const usable = window.map((w, i) => of > 0 && coverage[i] === of && w?.counts[field] != null);
  const values: Figure[] = window.map((w, i) => (usable[i] ? w!.counts[field] : null));
  const [cur, prev] = [GROWTH_WEEKS - 1, GROWTH_WEEKS - 2];

  let noChange: NoChange | null = null;
  if (of === 0) noChange = { reason: 'current' };
  else if (!usable[cur]) noChange = { reason: 'waiting', reported: coverage[cur]!, of };
  else if (!usable[prev]) noChange = { reason: 'previous', reported: coverage[prev]!, of };
  else if (values[prev]! < MIN_PREVIOUS) noChange = { reason: 'small', min: MIN_PREVIOUS };
  const change = noChange === null ? weekOnWeek(values[cur], values[prev]) : null;
  const doubling = doublingTime(values, { minCount: field === 'deaths' ? MIN_DEATHS : MIN_COUNT });

  // the weeks shown figures rest on; a severity figure is optional (no count is expected), so never partial on that
  const used = new Set<number>();
  if (change !== null) [cur, prev].forEach((i) => used.add(i));
  if (doubling !== null) usable.forEach((u, i) => u && used.add(i));
  const provisional =
    isJudged(field) && [...used].some((i) => window[i]!.byField[field] < window[i]!.expectedByField[field]);
  return {
    change,
    noChange,
    doubling,
    waiting: of > 0 && coverage[cur]! < of ? { reported: coverage[cur]!, of } : null,
    provisional,
  };
}

/**
 * A change as whole percents, rounded half away from zero (0.415 → 42, −0.415 → −42). The ratio's floating-point
 * noise is cleared first, so that 283 against 200 (41.5 %) reads 42 and not 41.
 */
export function roundedPercent(change: number): number {
  const percent = Number((Math.abs(change) * 100).toPrecision(12));
  return Math.sign(change) * Math.round(percent);
}

/**
 * Weeks as shown ("~2 tuần"): whole weeks from 2 up, where a tenth of a week would be false precision for a fit over
 * four weekly figures; one decimal below 2, where 1.4 and 1 differ a lot (1.96 reads 2, 1.94 reads 1.9).
 */
export function roundedWeeks(weeks: number): number {
  const tenths = Math.round(weeks * 10) / 10;
  return tenths >= 2 ? Math.round(weeks) : tenths;
}

/** A message of the dashboard's `growth` messages (growth.<key>) and its values, numbers not yet formatted. */
export interface GrowthMessage {
  key: 'up' | 'down' | 'same' | 'none' | DoublingTime['kind'];
  values: Record<string, string | number>;
}

export interface GrowthMessages {
  /** 'up' | 'down' | 'same' when a change is shown (as rounded: ↑ 0 % reads "Không đổi"), null when it is "—" */
  direction: 'up' | 'down' | 'same' | null;
  change: GrowthMessage;
  doubling: GrowthMessage | null;
  doublingKind: DoublingTime['kind'] | null;
  provisional: boolean;
}

/**
 * The words of a growth, as message keys and values: "↑ 35 % so với tuần trước", or "So với tuần trước: — (chờ báo
 * cáo: 3/10 đơn vị)", then "tăng gấp đôi sau ~2 tuần"; provisional when the figures shown could still change.
 */
export function growthMessages(g: Growth): GrowthMessages {
  let direction: GrowthMessages['direction'] = null;
  let change: GrowthMessage;
  if (g.change === null) {
    const why = g.noChange ?? { reason: 'current' };
    const reason = why.reason === 'previous' && why.reported > 0 ? 'previousPartial' : why.reason;
    const counted = 'of' in why ? { reported: why.reported, of: why.of } : { reported: 0, of: 0 };
    change = { key: 'none', values: { reason, ...counted, min: MIN_PREVIOUS } };
  } else {
    const percent = roundedPercent(g.change);
    direction = percent > 0 ? 'up' : percent < 0 ? 'down' : 'same';
    change = { key: direction, values: { percent: Math.abs(percent) } };
  }
  return {
    direction,
    change,
    doubling: g.doubling && { key: g.doubling.kind, values: { weeks: roundedWeeks(g.doubling.weeks) } },
    doublingKind: g.doubling?.kind ?? null,
    // a line showing nothing but "—" rests on no week
    provisional: g.provisional && (g.change !== null || g.doubling !== null),
  };
}

export interface GrowthWords {
  direction: GrowthMessages['direction'];
  /** "↑ 35 % so với tuần trước", or "So với tuần trước: — (chờ báo cáo: 3/10 đơn vị)" */
  change: string;
  /** "tăng gấp đôi sau ~2 tuần" | "giảm một nửa sau ~2 tuần" | "ổn định"; null when it cannot be computed */
  doubling: string | null;
  doublingKind: DoublingTime['kind'] | null;
  /** both, with "(tạm tính)" when a week they rest on could still change */
  line: string;
}

/** The dashboard namespace's translator, as far as growth needs it. */
export type GrowthTranslate = (key: string, values: Record<string, string | number>) => string;

/** The messages in words: `t` the dashboard's translator, `f` its number formats (src/i18n/format.ts). */
export function growthWords(
  m: GrowthMessages,
  t: GrowthTranslate,
  f: { integer(n: number): string; decimal(n: number, digits?: number): string },
): GrowthWords {
  const format = (values: GrowthMessage['values']) =>
    Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : Number.isInteger(v) ? f.integer(v) : f.decimal(v, 1),
      ]),
    );
  const change = t(`growth.${m.change.key}`, format(m.change.values));
  const doubling = m.doubling && t(`growth.${m.doubling.key}`, format(m.doubling.values));
  const parts = [change, doubling].filter((p): p is string => p !== null).join(' · ');
  return {
    direction: m.direction,
    change,
    doubling,
    doublingKind: m.doublingKind,
    line: m.provisional ? t('growth.provisional', { line: parts }) : parts,
  };
}
