import 'server-only';
import { addWeeks, currentWeek, type IsoWeek } from '@/lib/epi-week';
import { can, canReadProvince } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import type { Plan, PopulationFigure } from '@/lib/surge';
import type { Figures } from '@/lib/validations/figures';
import { db } from '../db';
import { now } from '../env';
import { populationInForce } from '@/server/populations/in-force';
import { getPlanForWeek, type ScopedResult } from '@/server/verdicts/province-week';
import { readReports, reportKey } from './store';
import type { EntryReport, EntryUnit } from '@/lib/contracts/reports';

export type { EntryReport, EntryUnit };

// Reads for the entry grid and the report history. Scope first (the province), then small plain objects.

export interface ReportingUnit {
  id: number;
  code: string;
  name: string;
  kind: 'province' | 'district';
  populations: PopulationFigure[];
}

/** The province and its reporting units (its own row first, then districts in GSO code order); null if no such province. */
export async function getReportingUnits(provinceCode: string): Promise<{
  province: { id: number; code: string; name: string; populations: PopulationFigure[] };
  units: ReportingUnit[];
} | null> {
  const prisma = await db();
  const populations = { select: { year: true, population: true } } as const;
  const province = await prisma.adminUnit.findFirst({
    where: { code: provinceCode, kind: 'province' },
    select: { id: true, code: true, name: true, populations },
  });
  if (!province) return null;
  const units = await prisma.adminUnit.findMany({
    where: { provinceCode, reports: true },
    select: { id: true, code: true, name: true, kind: true, populations },
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
  });
  return { province, units: units.map((u) => ({ ...u, kind: u.kind === 'province' ? 'province' : 'district' })) };
}

export interface EntryWeekView {
  province: { code: string; name: string; population: number | null };
  week: IsoWeek;
  currentWeek: IsoWeek;
  plan: Plan;
  units: EntryUnit[];
  canWrite: boolean;
  canImport: boolean;
}

export async function getEntryWeek(
  user: SessionUser,
  provinceCode: string,
  week: IsoWeek,
): Promise<ScopedResult<EntryWeekView>> {
  if (!canReadProvince(user, provinceCode) || !can(user, 'reports.read', { provinceCode }))
    return { status: 'forbidden' };
  const found = await getReportingUnits(provinceCode);
  if (!found) return { status: 'not-found' };
  const prisma = await db();
  const weekBefore = addWeeks(week, -1);
  const [reports, plan] = await Promise.all([
    readReports(
      prisma,
      found.units.map((u) => u.id),
      weekBefore,
      week,
    ),
    getPlanForWeek(provinceCode, week),
  ]);
  const byKey = new Map(reports.map((r) => [reportKey(r.unitId, r.week), r]));
  const units: EntryUnit[] = found.units.map((u) => {
    const r = byKey.get(reportKey(u.id, week));
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
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
  });
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
      units,
      canWrite: can(user, 'reports.write', { provinceCode }),
      canImport: can(user, 'reports.import', { provinceCode }),
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
  unit: { code: string; name: string; kind: string };
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
  const [province, unit] = await Promise.all([
    prisma.adminUnit.findFirst({ where: { code: provinceCode, kind: 'province' }, select: { code: true, name: true } }),
    prisma.adminUnit.findFirst({
      where: { code: unitCode, provinceCode, reports: true },
      select: { id: true, code: true, name: true, kind: true },
    }),
  ]);
  if (!province || !unit) return { status: 'not-found' };
  // a district officer reads their own unit's history only (docs/adr/0004-roles-and-sessions.md)
  if (!can(user, 'reports.read', { provinceCode, unitId: unit.id })) return { status: 'forbidden' };
  const [report] = await readReports(prisma, [unit.id], week, week);
  const rows = report
    ? await prisma.auditLog.findMany({
        where: { provinceCode, targetType: 'WeeklyReport', targetId: String(report.id) },
        select: { id: true, at: true, actorLabel: true, action: true, before: true, after: true },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        take: 200,
      })
    : [];
  return {
    status: 'ok',
    data: {
      province,
      unit: { code: unit.code, name: unit.name, kind: unit.kind },
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
