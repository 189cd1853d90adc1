import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportsReadScope } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { getCurrentUser } from '@/server/auth/current-user';
import { openProvince } from '@/server/dashboard/province';
import { getDistrictCards, getDistrictReports, openDistrict } from '@/server/dashboard/district';
import { getReportHistory } from '@/server/reports/queries';
import { exportReports, listReports } from '@/server/reports/api';
import { getExportRows, getReportsInRange } from '@/server/reports/range';
import { calmFigures, everyUnit, province, reports, user } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Issue 11: a district officer reads the province's pages (rates) but only their own unit's reports, history and
// export; the province's other readers see every unit. The reads keep to the scope the route wrapper checked, so the
// refusals and the officer's scope are proven through the route handlers (the session stood in for, as in
// api-reports.test.ts). The HTTP side of the pages is in tests/e2e/authz-matrix.spec.ts.

vi.mock('@/server/auth/current-user', () => ({ getCurrentUser: vi.fn(async () => null), requireUser: vi.fn() }));

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');
const W40 = { isoYear: 2026, isoWeek: 40 };
const W41 = { isoYear: 2026, isoWeek: 41 };

let db: TestDatabase;
let district: SessionUser;
let leader: SessionUser;
let own: { id: number; code: string };
let other: { id: number; code: string };
/** a Lai Châu-like province, reported in W40 and W41, and another province */
let LC: string;
let KG: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const lc = await province(db.prisma, { plan: 'lai-chau' });
  KG = (await province(db.prisma, { plan: 'kien-giang', responsePlan: false })).code;
  LC = lc.code;
  for (const w of [W40, W41]) await reports(db.prisma, lc, w, everyUnit(lc, calmFigures));
  useAsAppDatabase(db);
  district = await user(db.prisma, 'LOCAL_OFFICER', { province: lc, unit: lc.districts[0] });
  leader = await user(db.prisma, 'PROVINCIAL_LEADER', { province: lc });
  own = await db.prisma.adminUnit.findUniqueOrThrow({
    where: { id: district.unitId! },
    select: { id: true, code: true },
  });
  other = await db.prisma.adminUnit.findFirstOrThrow({
    where: { provinceCode: LC, kind: 'district', NOT: { id: own.id } },
    select: { id: true, code: true },
  });
});
afterAll(async () => db?.destroy());

/** A GET of /api/v1/reports{path}{query} with `who`'s session. */
async function asUser(who: SessionUser, handler: (r: Request) => Promise<Response>, query: string, path = '') {
  vi.mocked(getCurrentUser).mockResolvedValue(who);
  try {
    return await handler(new Request(`http://surgewatch.test/api/v1/reports${path}${query}`));
  } finally {
    vi.mocked(getCurrentUser).mockResolvedValue(null);
  }
}
const refusals = (name: string) =>
  db.prisma.auditLog.count({ where: { action: 'permission.denied', targetId: name, actorId: district.id } });

describe('a district officer’s reads of their province', () => {
  it('the API list holds their own unit’s reports only; the leader’s holds every unit', async () => {
    const mine = await getReportsInRange(reportsReadScope(district, LC), W40, W41);
    if (mine.status !== 'ok') throw new Error(mine.status);
    expect(mine.data.reports.length).toBeGreaterThan(0);
    expect(new Set(mine.data.reports.map((r) => r.unitCode))).toEqual(new Set([own.code]));
    const all = await getReportsInRange(reportsReadScope(leader, LC), W40, W41);
    if (all.status !== 'ok') throw new Error(all.status);
    expect(new Set(all.data.reports.map((r) => r.unitCode)).size).toBeGreaterThan(2);
    expect(all.data.reports.filter((r) => r.unitCode === own.code)).toEqual(mine.data.reports);
  });

  it('the export holds their own unit’s rows, without the province total (the sum of every unit’s figures)', async () => {
    const mine = await getExportRows(reportsReadScope(district, LC), W40, W41);
    if (mine.status !== 'ok') throw new Error(mine.status);
    expect(mine.data.rows.map((r) => [r.unitCode, r.rowType])).toEqual([
      [own.code, 'district'],
      [own.code, 'district'],
    ]);
    const all = await getExportRows(reportsReadScope(leader, LC), W40, W41);
    if (all.status !== 'ok') throw new Error(all.status);
    expect(all.data.rows.filter((r) => r.rowType === 'province-total')).toHaveLength(2);
    expect(all.data.rows.filter((r) => r.unitCode === own.code)).toEqual(mine.data.rows);
  });

  it('through the API, their scope is their unit: the list holds their own unit’s reports only', async () => {
    const res = await asUser(district, listReports, `?province=${LC}&from=2026-W40&to=2026-W41`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { reports: { unitCode: string }[] };
    expect(body.reports.length).toBeGreaterThan(0);
    expect(new Set(body.reports.map((r) => r.unitCode))).toEqual(new Set([own.code]));
  });

  it('another province stays refused: 403 from the route wrapper, the refusal audited', async () => {
    for (const [handler, path, name] of [
      [listReports, '', 'api.reports.read'],
      [exportReports, '/export', 'api.reports.export'],
    ] as const) {
      const before = await refusals(name);
      const res = await asUser(district, handler, `?province=${KG}&from=2026-W40&to=2026-W41`, path);
      expect(res.status).toBe(403);
      expect(await refusals(name)).toBe(before + 1);
    }
  });

  it('the history of their own unit’s report, not of another unit’s or the province’s own row', async () => {
    const mine = await getReportHistory(district, LC, own.code, W40);
    expect(mine.status).toBe('ok');
    expect((await getReportHistory(district, LC, other.code, W40)).status).toBe('forbidden');
    expect((await getReportHistory(district, LC, LC, W40)).status).toBe('forbidden');
    expect((await getReportHistory(leader, LC, other.code, W40)).status).toBe('ok');
    expect((await getReportHistory(district, LC, 'no-such-unit', W40)).status).toBe('not-found');
  });

  it('district pages: every district’s rates, only their own district’s reports', async () => {
    const province = await openProvince(district, LC);
    if (province.status !== 'ok') throw new Error(province.status);
    expect(province.data.readsReportsOf(own.id)).toBe(true);
    expect(province.data.readsReportsOf(other.id)).toBe(false);

    const ownPage = await openDistrict(district, LC, own.code);
    if (ownPage.status !== 'ok') throw new Error(ownPage.status);
    expect(ownPage.data.reportsVisible).toBe(true);
    expect((await getDistrictReports(ownPage.data, W41, 2)).map((r) => r.week)).toEqual(['2026-W41', '2026-W40']);

    const otherPage = await openDistrict(district, LC, other.code);
    if (otherPage.status !== 'ok') throw new Error(otherPage.status);
    expect(otherPage.data.reportsVisible).toBe(false);
    expect((await getDistrictCards(otherPage.data, W41)).current.criteria?.length).toBe(4); // the rates
    await expect(getDistrictReports(otherPage.data, W41, 2)).rejects.toThrow(/may not read/);

    const leaderPage = await openDistrict(leader, LC, other.code);
    if (leaderPage.status !== 'ok') throw new Error(leaderPage.status);
    expect(leaderPage.data.reportsVisible).toBe(true);
  });
});
