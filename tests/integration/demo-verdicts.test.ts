import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCompleteWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { getProvinceWeek } from '@/server/verdicts/province-week';
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

async function view(code: string, user: SessionUser = national) {
  const result = await getProvinceWeek(user, code, WEEK);
  if (result.status !== 'ok') throw new Error(result.status);
  return result.data;
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
    expect(v.result?.verdict.level).toBe(level);
    expect(v.result?.verdict.provisional).toBe(provisional);
  });

  it('counts completeness over the districts plus the province-level row', async () => {
    const lc = await view('12');
    expect(lc.result?.completeness).toMatchObject({ reported: 8, expected: 9 });
    expect(lc.units.filter((u) => u.counts === null).map((u) => u.code)).toEqual(['106']);
  });

  it('sums the province row and the districts, and never counts cases on the province row', async () => {
    const kg = await view('91');
    const sum = kg.units.reduce((s, u) => s + (u.counts?.newCases ?? 0), 0);
    expect(kg.result?.counts.newCases).toBe(sum);
    expect(kg.units.find((u) => u.kind === 'province')?.counts?.newCases).toBeNull();
  });
});

describe('scope', () => {
  it('lets a provincial leader read their own province only', async () => {
    const leader: SessionUser = { ...national, role: 'PROVINCIAL_LEADER', provinceCode: '91' };
    expect((await getProvinceWeek(leader, '91', WEEK)).status).toBe('ok');
    expect((await getProvinceWeek(leader, '12', WEEK)).status).toBe('forbidden');
    expect((await getProvinceWeek(national, '99', WEEK)).status).toBe('not-found');
  });
});
