import 'server-only';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { Figures } from '@/lib/validations/figures';

// Reading and writing WeeklyReport rows in bulk. An import commits up to 50,000 rows in one transaction, so writes are
// a few statements (createManyAndReturn, one UPDATE ... FROM (VALUES ...) per chunk) rather than one per row.

type Client = PrismaClient | Prisma.TransactionClient;

export interface StoredReport {
  id: number;
  unitId: number;
  week: IsoWeek;
  figures: Figures;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** who last changed it (name), null for reports loaded without a user (the demo data) */
  updatedBy: string | null;
}

export const reportKey = (unitId: number, week: IsoWeek) => `${unitId}|${formatIsoWeek(week)}`;

interface RawReport {
  id: number;
  unitId: number;
  isoYear: number;
  isoWeek: number;
  newCases: number | null;
  oxygenAvg7d: number | null;
  freeCovidBeds: number | null;
  staffedIcuBeds: number | null;
  totalCovidBeds: number | null;
  totalIcuBeds: number | null;
  severeCases: number | null;
  newAdmissions: number | null;
  deaths: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
}

const int = (v: unknown) => (v === null ? null : Number(v));

/**
 * The reports of some units over weeks from..to, oldest first. One SQL statement: an import reads up to tens of thousands
 * of rows for its checks, and Prisma's relation loading would triple the time. Oxygen (numeric(10,2)) is read as text
 * and parsed, which gives the same double as the value typed.
 */
export async function readReports(
  client: Client,
  unitIds: number[],
  from: IsoWeek,
  to: IsoWeek,
): Promise<StoredReport[]> {
  if (unitIds.length === 0) return [];
  const rows = await client.$queryRaw<RawReport[]>`
    SELECT w."id", w."unitId", w."isoYear", w."isoWeek", w."newCases", w."oxygenAvg7d"::text AS "oxygenAvg7d", w."freeCovidBeds",
      w."staffedIcuBeds", w."totalCovidBeds", w."totalIcuBeds", w."severeCases", w."newAdmissions", w."deaths",
      w."version", w."createdAt", w."updatedAt",
      COALESCE(eu."name", cu."name") AS "updatedBy"
    FROM "WeeklyReport" w
    LEFT JOIN "User" eu ON eu."id" = w."updatedById"
    LEFT JOIN "User" cu ON cu."id" = w."createdById"
    WHERE w."unitId" IN (${Prisma.join(unitIds)})
      AND (w."isoYear", w."isoWeek") >= (${from.isoYear}::int, ${from.isoWeek}::int)
      AND (w."isoYear", w."isoWeek") <= (${to.isoYear}::int, ${to.isoWeek}::int)
    ORDER BY w."isoYear", w."isoWeek", w."unitId"`;
  return rows.map((r) => ({
    id: Number(r.id),
    unitId: Number(r.unitId),
    week: { isoYear: Number(r.isoYear), isoWeek: Number(r.isoWeek) },
    figures: {
      newCases: int(r.newCases),
      oxygenAvg7d: r.oxygenAvg7d === null ? null : Number(r.oxygenAvg7d),
      freeCovidBeds: int(r.freeCovidBeds),
      staffedIcuBeds: int(r.staffedIcuBeds),
      totalCovidBeds: int(r.totalCovidBeds),
      totalIcuBeds: int(r.totalIcuBeds),
      severeCases: int(r.severeCases),
      newAdmissions: int(r.newAdmissions),
      deaths: int(r.deaths),
    },
    version: Number(r.version),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    updatedBy: r.updatedBy,
  }));
}

export interface NewReport {
  unitId: number;
  week: IsoWeek;
  figures: Figures;
}

export interface ChangedReport extends NewReport {
  id: number;
  /** the version the change was based on: the update applies only if it is still the stored one */
  expectedVersion: number;
}

// Bulk writes pass their rows as ONE jsonb parameter expanded by jsonb_to_recordset: a statement with 10,000 rows then
// costs one parse instead of 80,000 bind parameters (Prisma's createMany took 9 s for 10,000 rows on PGlite; this, 0.4 s).
// Timestamps come from the app's clock (now() in env.ts), like every other write, so a fixed clock holds in tests.

const utc = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

function figureColumns(f: Figures) {
  return {
    nc: f.newCases,
    ox: f.oxygenAvg7d === null ? null : f.oxygenAvg7d.toFixed(2),
    fb: f.freeCovidBeds,
    ib: f.staffedIcuBeds,
    tc: f.totalCovidBeds,
    ti: f.totalIcuBeds,
    sc: f.severeCases,
    na: f.newAdmissions,
    de: f.deaths,
  };
}

const FIGURE_TYPES = Prisma.raw('nc int, ox numeric, fb int, ib int, tc int, ti int, sc int, na int, de int');
const CHUNK = 10_000;

/** Creates reports; returns their ids (by unit and week). A concurrent create of the same unit-week fails (P2002). */
export async function createReports(
  tx: Prisma.TransactionClient,
  rows: NewReport[],
  userId: number,
  at: Date,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const data = rows
      .slice(i, i + CHUNK)
      .map((r) => ({ u: r.unitId, y: r.week.isoYear, w: r.week.isoWeek, ...figureColumns(r.figures) }));
    const created = await tx.$queryRaw<{ id: number; unitId: number; isoYear: number; isoWeek: number }[]>`
      INSERT INTO "WeeklyReport" ("unitId", "isoYear", "isoWeek", "newCases", "oxygenAvg7d", "freeCovidBeds", "staffedIcuBeds",
        "totalCovidBeds", "totalIcuBeds", "severeCases", "newAdmissions", "deaths",
        "version", "createdAt", "createdById", "updatedAt", "updatedById")
      SELECT x.u, x.y, x.w, x.nc, x.ox, x.fb, x.ib, x.tc, x.ti, x.sc, x.na, x.de,
        1, ${utc(at)}, ${userId}::int, ${utc(at)}, ${userId}::int
      FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS x(u int, y int, w int, ${FIGURE_TYPES})
      RETURNING "id", "unitId", "isoYear", "isoWeek"`;
    for (const c of created)
      ids.set(reportKey(Number(c.unitId), { isoYear: Number(c.isoYear), isoWeek: Number(c.isoWeek) }), Number(c.id));
  }
  return ids;
}

/**
 * Updates reports whose version is still the expected one, and bumps it; returns the ids it updated. A report changed
 * meanwhile (its version moved on) is left alone and missing from the result: the caller treats that as a conflict.
 * Under READ COMMITTED, a concurrent transaction updating the same row waits for this one and then re-checks the
 * version, so of two saves of one version exactly one wins.
 */
export async function updateReports(
  tx: Prisma.TransactionClient,
  rows: ChangedReport[],
  userId: number,
  at: Date,
): Promise<Set<number>> {
  const updated = new Set<number>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const data = rows
      .slice(i, i + CHUNK)
      .map((r) => ({ id: r.id, ver: r.expectedVersion, ...figureColumns(r.figures) }));
    const result = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "WeeklyReport" AS w SET
        "newCases" = v.nc, "oxygenAvg7d" = v.ox, "freeCovidBeds" = v.fb, "staffedIcuBeds" = v.ib,
        "totalCovidBeds" = v.tc, "totalIcuBeds" = v.ti, "severeCases" = v.sc, "newAdmissions" = v.na, "deaths" = v.de,
        "version" = w."version" + 1, "updatedById" = ${userId}::int, "updatedAt" = ${utc(at)}
      FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS v(id int, ver int, ${FIGURE_TYPES})
      WHERE w."id" = v.id AND w."version" = v.ver
      RETURNING w."id"`;
    for (const r of result) updated.add(Number(r.id));
  }
  return updated;
}

export interface AuditRow {
  targetId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** The audit rows of a save, as recordAudit writes them (one statement instead of one per row). */
export async function insertAuditRows(
  tx: Prisma.TransactionClient,
  actor: { id: number; label: string },
  province: { code: string; id: number },
  rows: AuditRow[],
  at: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const data = rows
      .slice(i, i + CHUNK)
      .map((r) => ({ t: r.targetId, a: r.action, b: r.before ?? undefined, f: r.after ?? undefined }));
    await tx.$executeRaw`
      INSERT INTO "AuditLog" ("at", "actorId", "actorLabel", "action", "targetType", "targetId", "provinceCode", "provinceId",
        "before", "after")
      SELECT ${utc(at)}, ${actor.id}::int, ${actor.label}, x.a, 'WeeklyReport', x.t, ${province.code}, ${province.id}::int,
        x.b, x.f
      FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS x(t text, a text, b jsonb, f jsonb)`;
  }
}
