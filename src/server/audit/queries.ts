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
  provinces: Array<{ code: string; name: string }>;
}

// Asia/Ho_Chi_Minh has kept UTC+7 without daylight saving since 1975: a day there is [D 00:00+07, D+1 00:00+07).
const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);

export function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = dayStart(filter.from);
  if (filter.to) at.lt = new Date(dayStart(filter.to).getTime() + 24 * 3600_000);
  return {
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: 'insensitive' } } : {}),
    ...(filter.action ? { action: filter.action.endsWith('.') ? { startsWith: filter.action } : filter.action } : {}),
    ...(filter.province ? { provinceCode: filter.province } : {}),
    ...(filter.from || filter.to ? { at } : {}),
    ...(filter.before ? { id: { lt: filter.before } } : {}),
  };
}

export async function getAuditPage(user: SessionUser, filter: AuditFilter): Promise<AuditPage | null> {
  if (!can(user, 'audit.read')) return null;
  const prisma = await db();
  const [rows, actions, provinces] = await Promise.all([
    prisma.auditLog.findMany({
      where: auditWhere(filter),
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
      where: { kind: 'province' },
      select: { code: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  return {
    rows: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : null,
    actions: actions.map((a) => a.action),
    provinces,
  };
}
