import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, currentWeek, lastCompleteWeek, weekMonday } from '@/lib/epi-week';
import type { RoleName, SessionUser } from '@/lib/roles';
import { savePlanVersionAs } from '@/server/plans/save';
import { setPopulationAs } from '@/server/populations/save';
import { getPlanEditor } from '@/server/plans/queries';
import { getProvinceCards, openProvince } from '@/server/dashboard/province';
import { getPlanForWeek } from '@/server/verdicts/province-week';
import { DEMO_EMAILS } from '@/server/seed/demo-accounts';
import { demoAccounts, referenceProvince } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Reference data: a plan edit is a new version from this week on (past weeks keep their verdicts); populations by
// year. Both audited, both refused to anyone but an administrator.

process.env.SURGEWATCH_NOW ??= '2026-11-23T03:00:00Z';
const NOW = new Date(process.env.SURGEWATCH_NOW);
const LAST = lastCompleteWeek(NOW); // 2026-W47
const THIS = currentWeek(NOW); // 2026-W48, Monday 2026-11-23
let db: TestDatabase;
let admin: SessionUser;
let entryKG: SessionUser;

async function sessionUser(email: string): Promise<SessionUser> {
  const u = await db.prisma.user.findUniqueOrThrow({ where: { email } });
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as RoleName,
    provinceCode: u.provinceCode,
    unitId: u.unitId,
    agencyId: u.agencyId,
  };
}

const form = (over: Record<string, string | number> = {}) => ({
  target: '91',
  baseVersion: 1,
  validFrom: weekMonday(THIS),
  rule: 'EPIDEMIC_AND_CAPACITY',
  casesComparator: 'GT',
  casesThreshold: '900',
  oxygenComparator: 'GT',
  oxygenThreshold: '64,5',
  bedsComparator: 'LT',
  bedsThreshold: '10',
  icuComparator: 'LT',
  icuThreshold: '4',
  note: 'Quyết định điều chỉnh ngưỡng (thử nghiệm)',
  ...over,
});

beforeAll(async () => {
  db = await createTestDatabase();
  // the four provinces as the seed stores them (the built-in plans and who they apply to), and the demo's accounts
  for (const code of ['91', '12', '70', '35']) await referenceProvince(db.prisma, code);
  await demoAccounts(db.prisma);
  useAsAppDatabase(db);
  admin = await sessionUser(DEMO_EMAILS.admin);
  entryKG = await sessionUser(DEMO_EMAILS.dataEntryKG);
});
afterAll(async () => db?.destroy());

describe('plan versions', () => {
  it('refuses non-administrators and changes nothing', async () => {
    expect(await savePlanVersionAs(entryKG, form())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.prisma.planVersion.count({ where: { plan: { key: 'kien-giang' } } })).toBe(1);
  });

  it.each([
    [{ validFrom: weekMonday(LAST) }, 'validFrom', 'validFromPast'],
    [{ validFrom: '2026-02-30' }, 'validFrom', 'date'],
    [{ casesThreshold: '-1' }, 'casesThreshold', 'threshold'],
    [{ casesThreshold: '1.005' }, 'casesThreshold', 'threshold'],
    [{ casesThreshold: 'abc' }, 'casesThreshold', 'threshold'],
    [{ icuComparator: 'EQ' }, 'icuComparator', 'comparator'],
    [{ rule: 'MAJORITY' }, 'rule', 'rule'],
    [{ note: ' ' }, 'note', 'noteRequired'],
  ])('refuses %j next to %s (%s)', async (over, field, message) => {
    expect(await savePlanVersionAs(admin, form(over))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { [field]: [message] },
    });
    expect(await db.prisma.planVersion.count({ where: { plan: { key: 'kien-giang' } } })).toBe(1);
  });

  it('saves a new version from this week on; the past week keeps the old verdict', async () => {
    // the past week's verdict as the province pages read it (openProvince, then the cards of the week)
    const pastVerdict = async () => {
      const opened = await openProvince(admin, '91');
      if (opened.status !== 'ok') throw new Error(opened.status);
      const { current } = await getProvinceCards(opened.data, LAST);
      return { level: current.level, settled: current.settled, criteria: current.criteria };
    };
    const pastBefore = await pastVerdict();
    const result = await savePlanVersionAs(admin, form());
    expect(result).toMatchObject({ ok: true, data: { version: 2 } });
    const past = await getPlanForWeek('91', LAST);
    const now = await getPlanForWeek('91', THIS);
    expect(past).toMatchObject({ version: 1, criteria: { cases: { threshold: 450 } } });
    expect(now).toMatchObject({
      version: 2,
      criteria: { cases: { comparator: '>', threshold: 900 }, oxygen: { threshold: 64.5 } },
    });
    const pastAfter = await pastVerdict();
    expect(pastBefore).toBeDefined();
    expect(pastAfter).toEqual(pastBefore);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'plan.version-created', targetId: 'kien-giang' },
    });
    expect(audit).toMatchObject({ actorId: admin.id, provinceCode: '91' });
    expect(audit.before).toMatchObject({ version: 1, cases: 'GT 450' });
    expect(audit.after).toMatchObject({ version: 2, cases: 'GT 900', oxygen: 'GT 64.5', validFrom: weekMonday(THIS) });
    expect((await db.prisma.dataVersion.findUniqueOrThrow({ where: { provinceCode: '91' } })).version).toBeGreaterThan(
      0,
    );
  });

  it('refuses a save based on an older version (another admin saved meanwhile)', async () => {
    expect(await savePlanVersionAs(admin, form({ baseVersion: 1 }))).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'planChangedMeanwhile',
    });
    expect(await db.prisma.planVersion.count({ where: { plan: { key: 'kien-giang' } } })).toBe(2);
  });

  it('two saves racing on the same base: exactly one wins', async () => {
    const results = await Promise.all([
      savePlanVersionAs(admin, form({ baseVersion: 2, casesThreshold: '800' })),
      savePlanVersionAs(admin, form({ baseVersion: 2, casesThreshold: '700' })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'conflict')).toHaveLength(1);
  });

  it('gives a province on the default plan a plan of its own, from a later week', async () => {
    const editor = await getPlanEditor(admin, '70');
    expect(editor).toMatchObject({
      plan: null,
      baseVersion: 0,
      start: { criteria: { cases: { comparator: 'GTE', threshold: '450' } } },
    });
    expect(
      await savePlanVersionAs(admin, form({ target: '70', baseVersion: 0, validFrom: weekMonday(addWeeks(THIS, 2)) })),
    ).toMatchObject({ fieldErrors: { name: ['required'], sourceDocument: ['required'] } });
    const result = await savePlanVersionAs(
      admin,
      form({
        target: '70',
        baseVersion: 0,
        validFrom: weekMonday(addWeeks(THIS, 2)),
        name: 'Kế hoạch tỉnh Bình Phước',
        sourceDocument: 'Kế hoạch số 1/KH-UBND',
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await getPlanForWeek('70', addWeeks(THIS, 1))).toMatchObject({ key: 'default' });
    expect(await getPlanForWeek('70', addWeeks(THIS, 2))).toMatchObject({
      key: 'province-70',
      version: 1,
      provinceCode: '70',
    });
  });

  it('refuses an unknown province as not found', async () => {
    expect(await savePlanVersionAs(admin, form({ target: '999' }))).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('populations by year', () => {
  it('adds a year and edits it, refusing a stale form, audited with before and after', async () => {
    const unit = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '899' } });
    expect(
      await setPopulationAs(entryKG, { unitId: unit.id, year: 2026, population: '250000', source: 'x' }),
    ).toMatchObject({ code: 'forbidden' });
    const added = await setPopulationAs(admin, {
      unitId: unit.id,
      year: 2026,
      population: '250.123',
      approximate: 'on',
      source: 'Niên giám thống kê 2026',
      expectedUpdatedAt: '',
    });
    expect(added).toMatchObject({ ok: true });
    const row = await db.prisma.unitPopulation.findUniqueOrThrow({
      where: { unitId_year: { unitId: unit.id, year: 2026 } },
    });
    expect(row).toMatchObject({ population: 250123, approximate: true, updatedById: admin.id });
    // a second form that also saw "no figure for 2026" must not overwrite the first
    expect(
      await setPopulationAs(admin, {
        unitId: unit.id,
        year: 2026,
        population: '1',
        source: 'x',
        expectedUpdatedAt: '',
      }),
    ).toMatchObject({ code: 'conflict' });
    const edited = await setPopulationAs(admin, {
      unitId: unit.id,
      year: 2026,
      population: '251000',
      source: 'Niên giám thống kê 2026',
      expectedUpdatedAt: row.updatedAt.toISOString(),
    });
    expect(edited).toMatchObject({ ok: true });
    expect(
      await setPopulationAs(admin, {
        unitId: unit.id,
        year: 2026,
        population: '1',
        source: 'x',
        expectedUpdatedAt: row.updatedAt.toISOString(),
      }),
    ).toMatchObject({ code: 'conflict' });
    const audits = await db.prisma.auditLog.findMany({
      where: { action: 'population.set', targetId: '899/2026' },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [null, { population: 250123, approximate: true, source: 'Niên giám thống kê 2026' }],
      [
        { population: 250123, approximate: true, source: 'Niên giám thống kê 2026' },
        { population: 251000, approximate: false, source: 'Niên giám thống kê 2026' },
      ],
    ]);
  });

  it.each([
    [{ population: '0' }, 'population', 'population'],
    [{ population: '12a' }, 'population', 'population'],
    [{ population: '300000000' }, 'population', 'population'],
    [{ year: '1800' }, 'year', 'year'],
    [{ year: '2030' }, 'year', 'yearFuture'],
    [{ source: '' }, 'source', 'required'],
  ])('refuses %j next to %s', async (over, field, message) => {
    const unit = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '105' } });
    const result = await setPopulationAs(admin, {
      unitId: unit.id,
      year: 2025,
      population: '50000',
      source: 'x',
      expectedUpdatedAt: '',
      ...over,
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { [field]: [message] } });
  });
});
