import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/roles';
import { auditFilterSchema } from '@/lib/validations/audit';
import { getAuditPage, PAGE_SIZE } from '@/server/audit/queries';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// The audit log viewer's query: filters from the URL, newest first, a cursor for older pages, administrators only.

const admin: SessionUser = {
  id: 1,
  email: 'admin@demo.surgewatch.vn',
  name: 'A',
  role: 'ADMIN',
  provinceCode: null,
  unitId: null,
  agencyId: null,
};
const leader: SessionUser = { ...admin, id: 4, role: 'PROVINCIAL_LEADER', provinceCode: '91' };
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  // the viewer reads only the log: the rows below are the whole world (the labels are text, not accounts)
  useAsAppDatabase(db);
  const row = (at: string, actorLabel: string, action: string, provinceCode: string | null) => ({
    at: new Date(at),
    actorLabel,
    action,
    targetType: 'X',
    targetId: '1',
    provinceCode,
  });
  await db.prisma.auditLog.createMany({
    data: [
      // 2026-11-20 23:30 in Vietnam is 16:30 UTC: it belongs to the 20th there
      row('2026-11-20T16:30:00Z', 'nhaplieu.ag@demo.surgewatch.vn', 'report.updated', '91'),
      // 2026-11-21 00:30 in Vietnam is 17:30 UTC on the 20th
      row('2026-11-20T17:30:00Z', 'nhaplieu.ag@demo.surgewatch.vn', 'report.created', '91'),
      row('2026-11-21T02:00:00Z', 'admin@demo.surgewatch.vn', 'user.created', null),
      row('2026-11-22T02:00:00Z', 'lanhdao.lc@demo.surgewatch.vn', 'permission.denied', '12'),
      row('2026-11-22T03:00:00Z', 'Admin@Demo.Surgewatch.vn', 'auth.sign-in', null),
      ...Array.from({ length: 60 }, (_, i) =>
        row(`2026-11-23T0${i % 3}:00:00Z`, 'system:auto-activation', 'activation.opened', '35'),
      ),
    ],
  });
});
afterAll(async () => db?.destroy());

const page = async (query: Record<string, string>) => {
  const result = await getAuditPage(admin, auditFilterSchema.parse(query));
  if (!result) throw new Error('refused');
  return result;
};

describe('getAuditPage', () => {
  it('refuses anyone but an administrator', async () => {
    expect(await getAuditPage(leader, auditFilterSchema.parse({}))).toBeNull();
  });

  it('filters by actor (part of the address, any case), exact action, action family and province', async () => {
    expect((await page({ actor: 'admin@demo' })).rows.map((r) => r.action)).toEqual(['auth.sign-in', 'user.created']);
    expect((await page({ action: 'report.created' })).rows).toHaveLength(1);
    expect((await page({ action: 'report.' })).rows.map((r) => r.action)).toEqual(['report.created', 'report.updated']);
    expect((await page({ province: '12' })).rows.map((r) => r.actorLabel)).toEqual(['lanhdao.lc@demo.surgewatch.vn']);
  });

  it('reads dates as days in Vietnam (UTC+7), both ends included', async () => {
    expect((await page({ from: '2026-11-20', to: '2026-11-20' })).rows.map((r) => r.action)).toEqual([
      'report.updated',
    ]);
    expect((await page({ from: '2026-11-21', to: '2026-11-22' })).rows.map((r) => r.action)).toEqual([
      'auth.sign-in',
      'permission.denied',
      'user.created',
      'report.created',
    ]);
  });

  it('pages newest first with a cursor, and lists the actions for the filter', async () => {
    const first = await page({});
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.nextBefore).not.toBeNull();
    const second = await page({ before: String(first.nextBefore) });
    expect(second.rows).toHaveLength(65 - PAGE_SIZE);
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(65);
    expect(first.actions).toEqual([
      'activation.opened',
      'auth.sign-in',
      'permission.denied',
      'report.created',
      'report.updated',
      'user.created',
    ]);
  });

  it('ignores malformed filters instead of failing or widening', async () => {
    const parsed = auditFilterSchema.parse({
      from: '2026-02-30',
      province: "91' OR 1=1",
      before: '-3',
      actor: 'x'.repeat(400),
    });
    expect(parsed).toEqual({
      from: undefined,
      to: undefined,
      province: undefined,
      before: undefined,
      actor: undefined,
      action: undefined,
    });
  });
});
