import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCompleteWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { getProvinceCards, getProvinceUnits, openProvince } from '@/server/dashboard/province';
import { seedIfEmpty } from '@/server/seed';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

const NOW = new Date('2026-11-23T03:00:00Z');
const WEEK = lastCompleteWeek(NOW);
const national: SessionUser = {
  id: 1,
  email: 'n@x',
  name: 'N',
  role: 'NATIONAL_LEADER',
  provinceCode: null,
  unitId: null,
  agencyId: null,
};
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedIfEmpty(db.prisma, { demo: true, now: NOW });
  useAsAppDatabase(db);
});
afterAll(async () => db?.destroy());

// Read as the province pages read it: openProvince checks the scope, the cards carry the province's verdict (the one
// reader), getProvinceUnits lists the week unit by unit.
async function view(code: string, user: SessionUser = national) {
  const opened = await openProvince(user, code);
  if (opened.status !== 'ok') throw new Error(opened.status);
  const [units, { current }] = await Promise.all([
    getProvinceUnits(opened.data, WEEK),
    getProvinceCards(opened.data, WEEK),
  ]);
  return { ...units, current };
}

describe('the demo data tells the intended story in the last complete week', () => {
  it.each([
    // the provinces since the 2025 reform: An Giang (with old Kiên Giang) by its demo plan, a copy of Kiên Giang's
    ['91', 'an-giang-minh-hoa', 'surge', false],
    ['12', 'lai-chau', 'warning', true],
    ['75', 'default', 'normal', true],
    ['37', 'default', 'normal', true],
  ])('province %s is judged by plan %s: %s (provisional %s)', async (code, planKey, level, provisional) => {
    const v = await view(code);
    expect(v.plan.key).toBe(planKey);
    expect(v.current.level).toBe(level);
    expect(v.current.provisional).toBe(provisional);
  });

  it('counts completeness over the communes, the province-level row and the regional health centres', async () => {
    const lc = await view('12');
    // 38 communes + the province row + 5 centres; Xã Bình Lư (the former Tam Đường) has not reported
    expect(lc.current).toMatchObject({ reported: 43, expected: 44 });
    expect(lc.units.filter((u) => u.counts === null).map((u) => u.code)).toEqual(['03390']);
    expect(lc.units.filter((u) => u.kind === 'district')).toEqual([]);
  });

  it('sums the province row, the centres and the communes, and counts cases on communes only', async () => {
    const ag = await view('91');
    const sum = (f: 'newCases' | 'freeCovidBeds') => ag.units.reduce((s, u) => s + (u.counts?.[f] ?? 0), 0);
    expect(ag.current.counts.newCases).toBe(sum('newCases'));
    expect(ag.current.counts.freeCovidBeds).toBe(sum('freeCovidBeds'));
    for (const u of ag.units.filter((x) => x.kind !== 'commune')) expect(u.counts?.newCases, u.code).toBeNull();
    for (const u of ag.units.filter((x) => x.kind === 'commune')) expect(u.counts?.freeCovidBeds, u.code).toBeNull();
  });
});

describe('scope', () => {
  it('lets a provincial leader read their own province only', async () => {
    const leader: SessionUser = { ...national, role: 'PROVINCIAL_LEADER', provinceCode: '91' };
    expect((await openProvince(leader, '91')).status).toBe('ok');
    expect((await view('91', leader)).code).toBe('91');
    expect((await openProvince(leader, '12')).status).toBe('forbidden');
    expect((await openProvince(national, '99')).status).toBe('not-found');
  });
});

// Moved from activation-open.test.ts, which now builds its own provinces: the demo seed's automatic activation.
const activations = (code: string) =>
  db.prisma.activation.findMany({
    where: { province: { code } },
    select: { id: true, status: true, trigger: true, provisional: true, openedById: true },
    orderBy: { id: 'asc' },
  });

describe('the demo seed', () => {
  it('opens An Giang’s demo plan through the automatic rule, with one copy of the local tasks per commune', async () => {
    const [kg] = await activations('91');
    expect(kg).toMatchObject({ status: 'OPEN', trigger: 'AUTOMATIC', provisional: false, openedById: null });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { targetType: 'Activation', targetId: String(kg!.id) },
    });
    expect(audit).toMatchObject({
      actorLabel: 'system:auto-activation',
      actorId: null,
      action: 'activation.opened',
      provinceCode: '91',
    });

    // prisma/data/response/README.md: Kiên Giang's section V, copied into An Giang's demo plan, has 24 bodies and 67
    // tasks, 8 of them for body 24 "Ủy ban nhân dân các huyện, thành phố". Since the reform there are no districts:
    // the 8 go to each of An Giang's 102 communes, (67 - 8) + 8 × 102 = 59 + 816 = 875 tasks.
    const tasks = await db.prisma.activationTask.findMany({
      where: { activationId: kg!.id },
      select: { districtId: true, agency: { select: { kind: true } } },
    });
    expect(tasks).toHaveLength(67 - 8 + 8 * 102);
    const districtIds = new Set(tasks.filter((t) => t.districtId !== null).map((t) => t.districtId));
    expect(districtIds.size).toBe(102);
    expect(
      await db.prisma.adminUnit.count({ where: { id: { in: [...districtIds] as number[] }, kind: 'commune' } }),
    ).toBe(102);
    expect(tasks.every((t) => (t.agency.kind === 'DISTRICT_COMMITTEE') === (t.districtId !== null))).toBe(true);
    const perDistrict = await db.prisma.activationTask.groupBy({
      by: ['districtId'],
      where: { activationId: kg!.id, districtId: { not: null } },
      _count: { _all: true },
    });
    expect(perDistrict.every((g) => g._count._all === 8)).toBe(true);

    const detail = await db.prisma.activation.findUniqueOrThrow({
      where: { id: kg!.id },
      select: { snapshot: true, isoWeek: true, planVersion: { select: { plan: { select: { key: true } } } } },
    });
    expect(detail.isoWeek).toBe(47);
    expect(detail.planVersion.plan.key).toBe('an-giang-minh-hoa');
    expect(detail.snapshot).toMatchObject({ week: '2026-W47', level: 'surge', plan: { key: 'an-giang-minh-hoa' } });
  });

  it('opens nothing for the provinces that are not in surge', async () => {
    for (const code of ['12', '37', '75', '91~20250630']) expect(await activations(code)).toEqual([]);
  });
});
