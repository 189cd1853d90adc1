import 'server-only';
import type { IsoWeek } from '@/lib/epi-week';
import { GROWTH_WEEKS } from '@/lib/growth';
import { can, provinceAccess, type ProvinceAccess } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import type { CriterionResult, SurgeLevel } from '@/lib/surge';
import { cachedFigures } from '@/server/verdicts/cache';
import { provinceFingerprint } from '@/server/verdicts/fingerprint';
import { now } from '@/server/env';
import { cachedLastCompleteWeek } from './filters';
import {
  getHeatmap,
  getProvinceSeries,
  sliceSeries,
  streak,
  type Heatmap,
  type WeekFigures,
} from '@/server/verdicts/series';
import { getProvinceMeta, planInForce, type ProvinceMeta } from '@/server/verdicts/meta';
import { expectedIn, validInWeek } from '@/server/verdicts/facts';
import { populationInForce } from '@/server/populations/in-force';
import { loadProvinceWeek, type ProvinceWeekView, type ScopedResult } from '@/server/verdicts/province-week';

// The province dashboard's reads. openProvince checks the user's permission on the province before anything is read
// and hands back a context (the province's facts and the fingerprint of its data for this request); the widgets read
// through it, so none of them can reach a province the user may not read.

export interface ProvinceContext {
  access: Exclude<ProvinceAccess, 'none'>;
  meta: ProvinceMeta;
  fingerprint: string;
  /**
   * Whether the user may read this unit's reports (raw figures and their history), not only the rates the province's
   * pages show: a district officer reads their own unit's only (docs/adr/0004-roles-and-sessions.md).
   */
  readsReportsOf: (unitId: number) => boolean;
}

/** need 'figures': reports.read on the province; need 'status': reports.read or activation.read. */
export async function openProvince(
  user: SessionUser,
  code: string,
  need: 'figures' | 'status' = 'figures',
): Promise<ScopedResult<ProvinceContext>> {
  const access = provinceAccess(user, code);
  if (access === 'none' || (need === 'figures' && access !== 'figures')) return { status: 'forbidden' };
  const fingerprint = await provinceFingerprint(code);
  const meta = await getProvinceMeta(code, fingerprint);
  if (!meta) return { status: 'not-found' };
  const readsReportsOf = (unitId: number) => can(user, 'reports.read', { provinceCode: code, unitId });
  return { status: 'ok', data: { access, meta, fingerprint, readsReportsOf } };
}

export interface ProvinceHeader {
  code: string;
  name: string;
  population: { year: number; population: number; approximate: boolean } | null;
  plan: { name: string; sourceDocument: string; key: string; version: number };
  /** units expected to report in the week (0 outside the province's validity) */
  reportingUnits: number;
  /** the units under the province expected to report in the week (districts, or communes and facilities) */
  branches: Array<{ code: string; name: string; kind: string }>;
  /** whether the province is valid in the week; false: an ended (or not yet created) unit, never judged there */
  valid: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export function provinceHeader(ctx: ProvinceContext, week: IsoWeek): ProvinceHeader {
  const { meta } = ctx;
  const plan = planInForce(meta.plans, meta.code, week);
  const valid = validInWeek(meta, week);
  return {
    code: meta.code,
    name: meta.name,
    population: valid ? populationInForce(meta.populations, week) : null,
    plan: { name: plan.name, sourceDocument: plan.sourceDocument, key: plan.key, version: plan.version },
    reportingUnits: valid ? expectedIn(meta.reporters, week).units : 0,
    branches: valid
      ? meta.branches
          .filter((b) => validInWeek(b, week) && expectedIn(b.reporters, week).units > 0)
          .map((b) => ({ code: b.code, name: b.name, kind: b.kind }))
      : [],
    valid,
    validFrom: meta.validFrom,
    validTo: meta.validTo,
  };
}

/** The cards of one week, a province's or a district's (cardsOf). */
export interface WeekCards {
  current: WeekFigures;
  previous: WeekFigures;
  /** the GROWTH_WEEKS weeks ending with the selected one, oldest first: each figure's growth (src/lib/growth.ts) */
  recent: WeekFigures[];
}

/** The selected week, the one before (the cards' values and their change) and the weeks their growth is fitted over. */
export async function getProvinceCards(ctx: ProvinceContext, week: IsoWeek): Promise<WeekCards> {
  return cardsOf(await getProvinceSeries(ctx.meta, week, ctx.fingerprint));
}

/** The cards of the last week of a series (a province's or a district's). */
export function cardsOf(series: WeekFigures[]): WeekCards {
  return {
    current: series[series.length - 1]!,
    previous: series[series.length - 2]!,
    recent: sliceSeries(series, GROWTH_WEEKS),
  };
}

/** `range` weeks ending with the selected week, oldest first. */
export async function getProvinceTrends(ctx: ProvinceContext, week: IsoWeek, range: number): Promise<WeekFigures[]> {
  return sliceSeries(await getProvinceSeries(ctx.meta, week, ctx.fingerprint), range);
}

export function getProvinceHeatmap(ctx: ProvinceContext, week: IsoWeek): Promise<Heatmap> {
  return getHeatmap(ctx.meta, week, ctx.fingerprint);
}

/** Unit by unit for the week (the units table and the list of units that have not reported). */
export async function getProvinceUnits(ctx: ProvinceContext, week: IsoWeek): Promise<ProvinceWeekView> {
  const key = `units:${ctx.meta.code}:${week.isoYear}-${week.isoWeek}:${ctx.fingerprint}`;
  const view = await cachedFigures(key, () => loadProvinceWeek(ctx.meta.code, week));
  if (!view) throw new Error(`Province ${ctx.meta.code} disappeared while reading it`);
  return view;
}

export interface SurgeStatus {
  provinceCode: string;
  week: string;
  /** whether the province is valid in that week: an ended province has no status (level 'no-data', nothing expected) */
  valid: boolean;
  level: SurgeLevel;
  provisional: boolean;
  /** no value the missing reports could take would change the level */
  settled: boolean;
  reported: number;
  expected: number;
  /** the criteria with their values; empty when the user may see the status but not the figures */
  criteria: CriterionResult[];
  /** consecutive weeks at this level, ending with `week`, and the first of them */
  streak: { weeks: number; since: string | null; complete: boolean };
  plan: { name: string; sourceDocument: string; rule: WeekFigures['plan']['rule'] };
}

/** The province's status in the last complete week, for the banner on every page of the province. */
export async function getSurgeStatus(ctx: ProvinceContext): Promise<SurgeStatus> {
  const series = await getProvinceSeries(ctx.meta, cachedLastCompleteWeek(now()), ctx.fingerprint);
  const last = series[series.length - 1]!;
  return {
    provinceCode: ctx.meta.code,
    week: last.week,
    valid: last.valid,
    level: last.level,
    provisional: last.provisional,
    settled: last.settled,
    reported: last.reported,
    expected: last.expected,
    criteria: ctx.access === 'figures' ? (last.criteria ?? []) : [],
    streak: streak(series, last.level),
    plan: { name: last.plan.name, sourceDocument: last.plan.sourceDocument, rule: last.plan.rule },
  };
}
