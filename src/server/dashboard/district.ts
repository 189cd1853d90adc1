import 'server-only';
import { formatIsoWeek, weekRange, weekThursday, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
import { cardsOf, openProvince, type WeekCards, type ProvinceContext } from './province';
import { getBranchSeries, sliceSeries, type WeekFigures } from '@/server/verdicts/series';
import type { BranchMeta } from '@/server/verdicts/meta';
import { populationInForce } from '@/server/populations/in-force';
import { validOn } from '@/server/populations/validity';
import type { ScopedResult } from '@/server/verdicts/province-week';

// The district page's reads: the same figures as the province's, over the district's own population and judged as a
// district (evaluateDistrict: cases and oxygen are criteria, beds and ICU information only), and its reports with
// their history from the audit log.

export interface DistrictContext extends ProvinceContext {
  branch: BranchMeta;
  /** whether the user may read the district's reports and their history, not only its rates (ctx.readsReportsOf) */
  reportsVisible: boolean;
}

export async function openDistrict(
  user: SessionUser,
  provinceCode: string,
  districtCode: string,
): Promise<ScopedResult<DistrictContext>> {
  const province = await openProvince(user, provinceCode, 'figures');
  if (province.status !== 'ok') return province;
  const branch = province.data.meta.branches.find((b) => b.code === districtCode);
  if (!branch) return { status: 'not-found' };
  return { status: 'ok', data: { ...province.data, branch, reportsVisible: province.data.readsReportsOf(branch.id) } };
}

export function districtPopulation(ctx: DistrictContext, week: IsoWeek) {
  return populationInForce(ctx.branch.populations, week);
}

export async function getDistrictCards(ctx: DistrictContext, week: IsoWeek): Promise<WeekCards> {
  return cardsOf(await getBranchSeries(ctx.meta, ctx.branch, week, ctx.fingerprint));
}

export async function getDistrictTrends(ctx: DistrictContext, week: IsoWeek, range: number): Promise<WeekFigures[]> {
  return sliceSeries(await getBranchSeries(ctx.meta, ctx.branch, week, ctx.fingerprint), range);
}

export interface ReportChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ReportHistoryEntry {
  at: string;
  actor: string;
  action: string;
  changes: ReportChange[];
}

export interface DistrictReport {
  id: number;
  unitCode: string;
  unitName: string;
  week: string;
  newCases: number | null;
  oxygenAvg7d: number | null;
  freeCovidBeds: number | null;
  staffedIcuBeds: number | null;
  totalCovidBeds: number | null;
  totalIcuBeds: number | null;
  severeCases: number | null;
  newAdmissions: number | null;
  deaths: number | null;
  /** stored for a week outside its unit's validity: "báo cáo theo đơn vị cũ", never counted in a verdict */
  legacy: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  createdBy: string | null;
  history: ReportHistoryEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an audit row changed, field by field (the rows are written by the save paths; their shape is theirs). */
export function diffAudit(before: unknown, after: unknown): ReportChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ field: '', before: before ?? null, after: after ?? null }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
    .map((f) => ({ field: f, before: b[f] ?? null, after: a[f] ?? null }));
}

/**
 * The branch's reports for the `weeks` weeks ending with `week`, newest first, each with its audit history. Only when
 * ctx.reportsVisible (another district's officer sees its rates only, on the cards and trends): callers check it first,
 * so a call without it is a bug and throws rather than hand the figures over.
 */
export async function getDistrictReports(
  ctx: DistrictContext,
  week: IsoWeek,
  weeks: number,
): Promise<DistrictReport[]> {
  if (!ctx.reportsVisible)
    throw new Error(`getDistrictReports: the user may not read the reports of ${ctx.branch.code}`);
  const prisma = await db();
  const path = ctx.branch.path;
  const reports = await prisma.weeklyReport.findMany({
    where: {
      unit: { provinceCode: ctx.meta.code, OR: [{ path }, { path: { startsWith: `${path}/` } }] },
      OR: weekRange(week, weeks).map((w) => ({ isoYear: w.isoYear, isoWeek: w.isoWeek })),
    },
    select: {
      id: true,
      isoYear: true,
      isoWeek: true,
      newCases: true,
      oxygenAvg7d: true,
      freeCovidBeds: true,
      staffedIcuBeds: true,
      totalCovidBeds: true,
      totalIcuBeds: true,
      severeCases: true,
      newAdmissions: true,
      deaths: true,
      version: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      unit: { select: { code: true, name: true, validFrom: true, validTo: true } },
    },
    orderBy: [{ isoYear: 'desc' }, { isoWeek: 'desc' }, { unitId: 'asc' }],
  });
  const audit = reports.length
    ? await prisma.auditLog.findMany({
        where: { targetType: 'WeeklyReport', targetId: { in: reports.map((r) => String(r.id)) } },
        select: { targetId: true, at: true, actorLabel: true, action: true, before: true, after: true },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
      })
    : [];
  const historyOf = new Map<string, ReportHistoryEntry[]>();
  for (const a of audit) {
    const list = historyOf.get(a.targetId) ?? [];
    list.push({ at: a.at.toISOString(), actor: a.actorLabel, action: a.action, changes: diffAudit(a.before, a.after) });
    historyOf.set(a.targetId, list);
  }
  return reports.map((r) => ({
    id: r.id,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    week: formatIsoWeek(r),
    newCases: r.newCases,
    oxygenAvg7d: r.oxygenAvg7d === null ? null : r.oxygenAvg7d.toNumber(),
    freeCovidBeds: r.freeCovidBeds,
    staffedIcuBeds: r.staffedIcuBeds,
    totalCovidBeds: r.totalCovidBeds,
    totalIcuBeds: r.totalIcuBeds,
    severeCases: r.severeCases,
    newAdmissions: r.newAdmissions,
    deaths: r.deaths,
    legacy: !validOn(r.unit, weekThursday(r)),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy?.name ?? null,
    createdBy: r.createdBy?.name ?? null,
    history: historyOf.get(String(r.id)) ?? [],
  }));
}
