import 'server-only';
import { addWeeks, currentWeek, weekThursday, type IsoWeek } from '@/lib/epi-week';
import type { Prisma } from '@/generated/prisma/client';
import { can, canEditFormerUnitReports, canReadProvince } from '@/lib/permissions';
import { figuresAllowed, reportingSystem, type ReportingSystem } from '@/lib/units';
import type { SessionUser } from '@/lib/roles';
import type { Plan, PopulationFigure } from '@/lib/surge';
import type { Figures } from '@/lib/validations/figures';
import { db } from '../db';
import { now } from '../env';
import { populationInForce } from '@/server/populations/in-force';
import { getPlanForWeek, type ScopedResult } from '@/server/verdicts/province-week';
import { reportingInWeekWhere } from '@/server/units/validity';
import { readReports, reportKey } from './store';
import { expectedOn, resolveUnit } from './checks';
import { loadProvinceUnits, toUnitInfo, UNIT_INFO_SELECT } from './units';
import type { EntryReport, EntryUnit } from '@/lib/contracts/reports';

export type { EntryReport, EntryUnit };

// Reads for the entry grid and the report history. Scope first (the province), then small plain objects.

export interface ReportingUnit {
  id: number;
  /** the handle */
  code: string;
  gsoCode: string;
  name: string;
  kind: string;
  reports: boolean;
  populations: PopulationFigure[];
  /** YYYY-MM-DD, null = open */
  validFrom: string | null;
  validTo: string | null;
  reportsFrom: string | null;
}

const KIND_ORDER = ['province', 'facility', 'district', 'commune'];
const kindRank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);

const REPORTING_UNIT_SELECT = {
  ...UNIT_INFO_SELECT,
  populations: { select: { year: true, population: true } },
} as const;

type Row = Prisma.AdminUnitGetPayload<{ select: typeof REPORTING_UNIT_SELECT }>;

function toReportingUnit(u: Row): ReportingUnit {
  const info = toUnitInfo(u);
  return {
    id: u.id,
    code: u.code,
    gsoCode: u.gsoCode,
    name: u.name,
    kind: u.kind,
    reports: u.reports,
    populations: u.populations,
    validFrom: info.validFrom,
    validTo: info.validTo,
    reportsFrom: info.reportsFrom,
  };
}

/** The province's own row first, then its facilities, districts and communes, each in code order. */
const byRowOrder = (a: ReportingUnit, b: ReportingUnit) =>
  kindRank(a.kind) - kindRank(b.kind) || a.gsoCode.localeCompare(b.gsoCode) || a.code.localeCompare(b.code);

async function findProvince(provinceCode: string) {
  return (await db()).adminUnit.findFirst({
    where: { code: provinceCode, kind: 'province' },
    select: { id: true, code: true, name: true, populations: { select: { year: true, population: true } } },
  });
}

/**
 * The province and the units expected to report in a week (src/server/units/validity.ts), in row order, with the
 * week's system (who reports what); null if no such province.
 */
export async function getReportingUnits(
  provinceCode: string,
  week: IsoWeek,
): Promise<{
  province: { id: number; code: string; name: string; populations: PopulationFigure[] };
  units: ReportingUnit[];
  system: ReportingSystem;
} | null> {
  const province = await findProvince(provinceCode);
  if (!province) return null;
  const rows = await (
    await db()
  ).adminUnit.findMany({
    where: { provinceCode, ...reportingInWeekWhere(week) },
    select: REPORTING_UNIT_SELECT,
  });
  const units = rows.map(toReportingUnit).sort(byRowOrder);
  return { province, units, system: reportingSystem(units.map((u) => u.kind)) };
}

/** The province and every unit of it that reports, whatever its validity (reads over a range of weeks). */
export async function getAllReportingUnits(provinceCode: string): Promise<{
  province: { id: number; code: string; name: string; populations: PopulationFigure[] };
  units: ReportingUnit[];
} | null> {
  const province = await findProvince(provinceCode);
  if (!province) return null;
  const rows = await (
    await db()
  ).adminUnit.findMany({
    where: { provinceCode, reports: true },
    select: REPORTING_UNIT_SELECT,
  });
  return { province, units: rows.map(toReportingUnit).sort(byRowOrder) };
}

export interface EntryWeekView {
  province: { code: string; name: string; population: number | null };
  week: IsoWeek;
  currentWeek: IsoWeek;
  plan: Plan;
  system: ReportingSystem;
  /** the units expected to report in the week */
  units: EntryUnit[];
  /** reports stored for the week under units outside their validity (báo cáo theo đơn vị cũ), never counted */
  formerUnits: EntryUnit[];
  canWrite: boolean;
  canImport: boolean;
  /** an administrator: may edit the reports under former units */
  canEditFormer: boolean;
}

export async function getEntryWeek(
  user: SessionUser,
  provinceCode: string,
  week: IsoWeek,
): Promise<ScopedResult<EntryWeekView>> {
  if (!canReadProvince(user, provinceCode) || !can(user, 'reports.read', { provinceCode }))
    return { status: 'forbidden' };
  const [found, all] = await Promise.all([getReportingUnits(provinceCode, week), getAllReportingUnits(provinceCode)]);
  if (!found || !all) return { status: 'not-found' };
  const prisma = await db();
  const weekBefore = addWeeks(week, -1);
  const expected = new Set(found.units.map((u) => u.id));
  const others = all.units.filter((u) => !expected.has(u.id));
  const [reports, plan, formerReports] = await Promise.all([
    readReports(
      prisma,
      found.units.map((u) => u.id),
      weekBefore,
      week,
    ),
    getPlanForWeek(provinceCode, week),
    readReports(
      prisma,
      others.map((u) => u.id),
      week,
      week,
    ),
  ]);
  const byKey = new Map([...reports, ...formerReports].map((r) => [reportKey(r.unitId, r.week), r]));
  const entryUnit = (u: ReportingUnit, former: boolean): EntryUnit => {
    const r = byKey.get(reportKey(u.id, week));
    return {
      id: u.id,
      code: u.code,
      gsoCode: u.gsoCode,
      name: u.name,
      kind: u.kind,
      fields: figuresAllowed(u.kind, found.system),
      former: former ? { validFrom: u.validFrom, validTo: u.validTo } : null,
      population: populationInForce(u.populations, week)?.population ?? null,
      report: r
        ? {
            id: r.id,
            version: r.version,
            figures: r.figures,
            updatedBy: r.updatedBy,
            updatedAt: r.updatedAt.toISOString(),
          }
        : null,
      previous: byKey.get(reportKey(u.id, weekBefore))?.figures ?? null,
    };
  };
  const withReport = new Set(formerReports.map((r) => r.unitId));
  return {
    status: 'ok',
    data: {
      province: {
        code: found.province.code,
        name: found.province.name,
        population: populationInForce(found.province.populations, week)?.population ?? null,
      },
      week,
      currentWeek: currentWeek(now()),
      plan,
      system: found.system,
      units: found.units.map((u) => entryUnit(u, false)),
      formerUnits: others.filter((u) => withReport.has(u.id)).map((u) => entryUnit(u, true)),
      canWrite: can(user, 'reports.write', { provinceCode }),
      canImport: can(user, 'reports.import', { provinceCode }),
      canEditFormer: canEditFormerUnitReports(user) && can(user, 'reports.read', { provinceCode }),
    },
  };
}

export interface HistoryEntryView {
  id: number;
  at: string;
  actor: string;
  action: string;
  via: string | null;
  before: Partial<Figures> | null;
  after: Partial<Figures> | null;
  versionBefore: number | null;
  versionAfter: number | null;
}

export interface ReportHistoryView {
  province: { code: string; name: string };
  unit: { code: string; gsoCode: string; name: string; kind: string };
  /** the report is one stored under a former unit (outside the unit's validity): the unit's validity */
  former: { validFrom: string | null; validTo: string | null } | null;
  week: IsoWeek;
  report: { version: number; figures: Figures } | null;
  entries: HistoryEntryView[];
}

type AuditState = Partial<Figures> & { version?: number; via?: string };

/** The audit rows of one report (one unit, one week), newest first. */
export async function getReportHistory(
  user: SessionUser,
  provinceCode: string,
  unitCode: string,
  week: IsoWeek,
): Promise<ScopedResult<ReportHistoryView>> {
  if (!canReadProvince(user, provinceCode) || !can(user, 'reports.read', { provinceCode }))
    return { status: 'forbidden' };
  const prisma = await db();
  const [province, units] = await Promise.all([
    prisma.adminUnit.findFirst({ where: { code: provinceCode, kind: 'province' }, select: { code: true, name: true } }),
    loadProvinceUnits(prisma, provinceCode),
  ]);
  // a handle, or a GSO code resolved with the week
  const thursday = weekThursday(week);
  const unit = resolveUnit(
    units.filter((u) => u.reports),
    unitCode,
    thursday,
  );
  if (!province || !unit) return { status: 'not-found' };
  // a district officer reads their own unit's history only (docs/adr/0004-roles-and-sessions.md)
  if (!can(user, 'reports.read', { provinceCode, unitId: unit.id })) return { status: 'forbidden' };
  const [report] = await readReports(prisma, [unit.id], week, week);
  const rows = report
    ? await prisma.auditLog.findMany({
        // the report is the unit's, checked above; its audit rows name the province by the handle it had then
        where: { targetType: 'WeeklyReport', targetId: String(report.id) },
        select: { id: true, at: true, actorLabel: true, action: true, before: true, after: true },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: 200,
      })
    : [];
  return {
    status: 'ok',
    data: {
      province,
      unit: { code: unit.code, gsoCode: unit.gsoCode, name: unit.name, kind: unit.kind },
      former: report && !expectedOn(unit, thursday) ? { validFrom: unit.validFrom, validTo: unit.validTo } : null,
      week,
      report: report ? { version: report.version, figures: report.figures } : null,
      entries: rows.map((r) => {
        const before = r.before as AuditState | null;
        const after = r.after as AuditState | null;
        return {
          id: r.id,
          at: r.at.toISOString(),
          actor: r.actorLabel,
          action: r.action,
          via: after?.via ?? null,
          before,
          after,
          versionBefore: before?.version ?? null,
          versionAfter: after?.version ?? null,
        };
      }),
    },
  };
}
