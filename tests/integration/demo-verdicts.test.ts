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
    ['91', 'kien-giang', 'surge', false],
    ['12', 'lai-chau', 'warning', true],
    ['70', 'default', 'normal', true],
    ['35', 'default', 'normal', true],
  ])('province %s is judged by plan %s: %s (provisional %s)', async (code, planKey, level, provisional) => {
    const v = await view(code);
    expect(v.plan.key).toBe(planKey);
    expect(v.current.level).toBe(level);
    expect(v.current.provisional).toBe(provisional);
  });

  it('counts completeness over the districts plus the province-level row', async () => {
    const lc = await view('12');
    expect(lc.current).toMatchObject({ reported: 8, expected: 9 });
    expect(lc.units.filter((u) => u.counts === null).map((u) => u.code)).toEqual(['106']);
  });

  it('sums the province row and the districts, and never counts cases on the province row', async () => {
    const kg = await view('91');
    const sum = kg.units.reduce((s, u) => s + (u.counts?.newCases ?? 0), 0);
    expect(kg.current.counts.newCases).toBe(sum);
    expect(kg.units.find((u) => u.kind === 'province')?.counts?.newCases).toBeNull();
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
  it('opens Kiên Giang’s plan through the automatic rule, with one copy of the district tasks per district', async () => {
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

    // prisma/data/response/README.md: Kiên Giang's section V has 24 bodies and 67 tasks, 8 of them for body 24
    // "Uỷ ban nhân dân các huyện, thành phố"; the province has 15 districts. Those 8 are copied per district:
    // (67 - 8) + 8 × 15 = 59 + 120 = 179 tasks.
    const tasks = await db.prisma.activationTask.findMany({
      where: { activationId: kg!.id },
      select: { districtId: true, agency: { select: { kind: true } } },
    });
    expect(tasks).toHaveLength(67 - 8 + 8 * 15);
    const districtIds = new Set(tasks.filter((t) => t.districtId !== null).map((t) => t.districtId));
    expect(districtIds.size).toBe(15);
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
    expect(detail.planVersion.plan.key).toBe('kien-giang');
    expect(detail.snapshot).toMatchObject({ week: '2026-W47', level: 'surge', plan: { key: 'kien-giang' } });
  });

  it('opens nothing for the provinces that are not in surge', async () => {
    for (const code of ['12', '35', '70']) expect(await activations(code)).toEqual([]);
  });
});
