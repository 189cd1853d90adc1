import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import type { AuditFilter } from '@/lib/validations/audit';
import { db } from '@/server/db';

// The audit log viewer's read: filters from the URL (parsed with zod, src/lib/validations/audit.ts, so a hand-made
// URL cannot widen the query), newest first, 50 rows a page with a cursor. Only for audit.read.

export const PAGE_SIZE = 50;

export interface AuditRow {
  id: number;
  at: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  provinceCode: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  rows: AuditRow[];
  /** the cursor of the next (older) page, or null */
  nextBefore: number | null;
  actions: string[];
  /** validTo: an ended province (old Kiên Giang) is listed beside the one that took its code */
  provinces: Array<{ code: string; name: string; validTo: string | null }>;
}

// Asia/Ho_Chi_Minh has kept UTC+7 without daylight saving since 1975: a day there is [D 00:00+07, D+1 00:00+07).
const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);

/** The province filter's unit: rows carry its id since issue 15; older rows only the handle it had then. */
export interface AuditProvince {
  id: number;
  legacyAuditCode: string | null;
}

/**
 * A province's rows: those carrying its unit id, and the older ones (no id) written under the handle it had then
 * (legacyAuditCode). A handle that names no unit keeps matching the rows written under it.
 */
function provinceWhere(handle: string, unit: AuditProvince | null): Prisma.AuditLogWhereInput {
  if (!unit) return { provinceCode: handle };
  if (!unit.legacyAuditCode) return { provinceId: unit.id };
  return { OR: [{ provinceId: unit.id }, { provinceId: null, provinceCode: unit.legacyAuditCode }] };
}

export function auditWhere(filter: AuditFilter, province: AuditProvince | null = null): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = dayStart(filter.from);
  if (filter.to) at.lt = new Date(dayStart(filter.to).getTime() + 24 * 3600_000);
  return {
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: 'insensitive' } } : {}),
    ...(filter.action ? { action: filter.action.endsWith('.') ? { startsWith: filter.action } : filter.action } : {}),
    ...(filter.province ? provinceWhere(filter.province, province) : {}),
    ...(filter.from || filter.to ? { at } : {}),
    ...(filter.before ? { id: { lt: filter.before } } : {}),
  };
}

export async function getAuditPage(user: SessionUser, filter: AuditFilter): Promise<AuditPage | null> {
  if (!can(user, 'audit.read')) return null;
  const prisma = await db();
  const province = filter.province
    ? await prisma.adminUnit.findFirst({
        where: { code: filter.province, depth: 0 },
        select: { id: true, legacyAuditCode: true },
      })
    : null;
  const [rows, actions, provinces] = await Promise.all([
    prisma.auditLog.findMany({
      where: auditWhere(filter, province),
      select: {
        id: true,
        at: true,
        actorLabel: true,
        action: true,
        targetType: true,
        targetId: true,
        provinceCode: true,
        before: true,
        after: true,
      },
      orderBy: { id: 'desc' },
      take: PAGE_SIZE + 1,
    }),
    prisma.auditLog.groupBy({ by: ['action'], orderBy: { action: 'asc' } }),
    prisma.adminUnit.findMany({
      where: { kind: 'province', depth: 0 },
      select: { code: true, name: true, validTo: true },
      orderBy: [{ name: 'asc' }, { code: 'asc' }],
    }),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  return {
    rows: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : null,
    actions: actions.map((a) => a.action),
    provinces: provinces.map((p) => ({
      code: p.code,
      name: p.name,
      validTo: p.validTo?.toISOString().slice(0, 10) ?? null,
    })),
  };
}
