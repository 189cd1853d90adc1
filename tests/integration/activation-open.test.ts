import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterReportsSaved } from '@/server/activation/hooks';
import { activateManually, standDown } from '@/server/activation/manage';
import { tickTask } from '@/server/activation/tick';
import { openActivation } from '@/server/activation/open';
import { loadProvinceVerdict } from '@/server/verdicts/province-verdict';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import { calmFigures, everyUnit, province, reports, surgeFigures, type FactoryProvince } from '../factories';
import { activationWorld, NOW, W46, W47, writeFigures, type ActivationWorld, type Figures } from './activation-support';

// The automatic activation: a save that makes the latest complete week (2026-W47 at NOW) a SETTLED surge opens the plan
// once, under the system actor, with its checklist (an unsettled one is only proposed: activation-proposals.test.ts);
// older weeks never activate; standing down is a leader's decision only.

let db: TestDatabase;
const actor = { id: 0, label: 'test' };
let users: ActivationWorld['users'];
let world: ActivationWorld;
/** the Lai Châu-like province (early warning in W47, one district not reported), two calm ones on the default plan */
let LC: string;
let BP: string;
let HN: string;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await activationWorld(db.prisma);
  users = world.users;
  LC = world.lc.code;
  const calm = async (): Promise<FactoryProvince> => {
    const p = await province(db.prisma, { plan: 'default', responsePlan: false });
    for (const w of [W46, W47]) await reports(db.prisma, p, w, everyUnit(p, calmFigures));
    return p;
  };
  BP = (await calm()).code;
  HN = (await calm()).code;
  useAsAppDatabase(db);
  actor.id = users.dataEntryLC.id;
});
afterAll(async () => db?.destroy());

/** One save as the write paths do it: rows, DataVersion, then the hook, in one transaction. */
function save(provinceCode: string, figures: Figures, weeks = [W47], write = weeks) {
  return db.prisma.$transaction(async (tx) => {
    for (const w of write) await writeFigures(tx, provinceCode, w, figures);
    return afterReportsSaved(tx, { provinceCode, weeks, actor, now: NOW });
  });
}

const activations = (code: string) =>
  db.prisma.activation.findMany({
    where: { province: { code } },
    select: { id: true, status: true, trigger: true, provisional: true, openedById: true },
    orderBy: { id: 'asc' },
  });

// Beds, ICU: 0 free everywhere meets both capacity criteria; 100,000 cases per unit meets the epidemic ones anywhere.
const SURGE: Figures = { newCases: 100_000, oxygenAvg7d: 10_000, freeCovidBeds: 0, staffedIcuBeds: 0 };
const CALM: Figures = { newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 10_000, staffedIcuBeds: 10_000 };

describe('automatic activation', () => {
  it('opens Lai Châu’s plan on the first save that makes the latest week a settled surge, and only then', async () => {
    // the latest week already meets the epidemic criteria (warning): a save that keeps it there opens nothing
    expect((await save(LC, {}))?.activation).toMatchObject({ status: 'not-surge', level: 'warning' });
    expect(await activations(LC)).toEqual([]);

    // Issue 13 changed this step: it used to open the plan on a provisional surge. Its last district has not reported
    // 2026-W47, and free beds it has not reported could lift the province above the threshold: the surge is not
    // settled, so the plan is proposed to the leaders, not opened.
    const unsettled = await save(LC, { freeCovidBeds: 0 });
    expect(unsettled).toMatchObject({
      consequence: { level: 'surge', settled: false, action: 'propose', agencies: 16 },
      activation: null,
      proposal: { status: 'created' },
    });
    expect(await activations(LC)).toEqual([]);

    // the last district reports (0 free beds too): the surge is settled and the plan opens by itself
    const last = world.lc.districts.at(-1)!;
    const first = await db.prisma.$transaction(async (tx) => {
      await reports(tx, world.lc, W47, { [last.code]: { ...surgeFigures(last.population), freeCovidBeds: 0 } });
      return afterReportsSaved(tx, { provinceCode: LC, weeks: [W47], actor, now: NOW });
    });
    expect(first).toMatchObject({
      consequence: { level: 'surge', settled: true, action: 'open', agencies: 16 },
      activation: { status: 'opened' },
      proposal: { status: 'closed', as: 'OPENED' },
    });
    // Lai Châu: 16 bodies, 60 tasks, 4 for the district committees, 8 districts: (60 - 4) + 4 × 8 = 88
    expect(first?.activation).toMatchObject({ tasks: 60 - 4 + 4 * 8 });
    const [lc] = await activations(LC);
    expect(lc).toMatchObject({ status: 'OPEN', trigger: 'AUTOMATIC', provisional: false, openedById: null });
    const audits = await db.prisma.auditLog.findMany({
      where: { targetType: { in: ['Activation', 'ActivationProposal'] }, provinceCode: LC },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.actorLabel, a.action])).toEqual([
      ['system:auto-activation', 'proposal.created'],
      ['system:auto-activation', 'activation.opened'],
      ['system:auto-activation', 'proposal.opened'],
    ]);

    // later saves, still in a settled surge: nothing more
    expect((await save(LC, { freeCovidBeds: 1 }))?.activation).toMatchObject({
      status: 'already-open',
      activationId: lc!.id,
    });
    expect(await activations(LC)).toHaveLength(1);
    expect(await db.prisma.activationTask.count({ where: { activationId: lc!.id } })).toBe(88);
  });

  it('never activates on back-filled or corrected older weeks', async () => {
    // a calm province (normal): 2026-W46 rewritten to surge figures, twice, opens nothing
    expect(await save(BP, SURGE, [W46])).toBeNull();
    const verdict = await db.prisma.$transaction((tx) => loadProvinceVerdict(tx, BP, W46));
    expect(verdict?.snapshot.level).toBe('surge');
    expect(await save(BP, SURGE, [W46])).toBeNull();
    expect(await activations(BP)).toEqual([]);
    // a save naming the latest week too, while that week stays normal: still nothing
    expect((await save(BP, {}, [W46, W47], [W46]))?.activation).toMatchObject({ status: 'not-surge', level: 'normal' });
    expect(await activations(BP)).toEqual([]);
  });

  it('never stands down by itself once work has started: figures falling below the thresholds leave the plan open', async () => {
    // Issue 13: an automatic opening nobody has acted on is withdrawn by such a correction (activation-proposals.test.ts);
    // once a task is ticked, the plan stays open and the correction is shown to the leaders
    const [open] = await activations(LC);
    const task = await db.prisma.activationTask.findFirstOrThrow({
      where: { activationId: open!.id, agency: { hasOwnOfficer: false } },
      select: { id: true, version: true },
    });
    const ticked = await tickTask(users.leaderLC, { taskId: task.id, done: true, version: task.version }, NOW);
    expect(ticked).toMatchObject({ ok: true });
    expect(await save(LC, CALM)).toMatchObject({
      activation: { status: 'already-open' },
      correction: { status: 'recorded', correction: { levelBefore: 'surge', levelAfter: 'normal', withdrawn: false } },
    });
    expect((await activations(LC)).map((a) => a.status)).toEqual(['OPEN']);
  });

  it('after a leader stands it down, keeps the record read-only and opens a new activation on a later surge', async () => {
    const leader = users.leaderLC;
    const [old] = await activations(LC);
    const result = await standDown(leader, { activationId: old!.id, reason: 'Số ca giảm ba tuần liên tiếp' }, NOW);
    expect(result).toEqual({ ok: true, data: undefined, message: 'done.stoodDown' });
    const record = await db.prisma.activation.findUniqueOrThrow({
      where: { id: old!.id },
      select: { status: true, standDownReason: true, stoodDownById: true, _count: { select: { tasks: true } } },
    });
    expect(record).toEqual({
      status: 'STOOD_DOWN',
      standDownReason: 'Số ca giảm ba tuần liên tiếp',
      stoodDownById: leader.id,
      _count: { tasks: 88 },
    });
    expect(
      await db.prisma.auditLog.count({
        where: { action: 'activation.stood-down', targetId: String(old!.id), actorId: leader.id },
      }),
    ).toBe(1);

    // still calm: nothing; surge again: a new activation, the old one untouched
    expect((await save(LC, {}))?.activation).toMatchObject({ status: 'not-surge' });
    expect((await save(LC, SURGE))?.activation).toMatchObject({ status: 'opened' });
    const all = await activations(LC);
    expect(all.map((a) => a.status)).toEqual(['STOOD_DOWN', 'OPEN']);
    expect(all[1]!.provisional).toBe(false);
  });
});

describe('two writes crossing the threshold at the same moment', () => {
  it('two saves at once open the plan once, and both saves are kept', async () => {
    // A calm province's latest week is put in surge without going through the hook; then two saves of different rows run at
    // once. (Saves of one province also queue on its DataVersion row, so on PostgreSQL the second sees the first's
    // committed activation; the next test forces the case the unique index is there for.)
    await db.prisma.$transaction((tx) => writeFigures(tx, HN, W47, SURGE));
    const district = await db.prisma.adminUnit.findFirstOrThrow({
      where: { provinceCode: HN, kind: 'district' },
      select: { code: true },
    });
    const saveRow = (code: string, newCases: number) =>
      db.prisma.$transaction(
        async (tx) => {
          await writeFigures(tx, HN, W47, { newCases }, [code]);
          return afterReportsSaved(tx, { provinceCode: HN, weeks: [W47], actor, now: NOW });
        },
        { timeout: 20_000, maxWait: 20_000 },
      );
    const results = await Promise.all([saveRow(HN, 100_001), saveRow(district.code, 100_002)]);
    expect(results.map((r) => r?.activation?.status).sort()).toEqual(['already-open', 'opened']);
    const open = await activations(HN);
    expect(open).toHaveLength(1);
    // the loser of the race lost only its activation, never its figures
    const cases = await db.prisma.weeklyReport.findMany({
      where: { isoYear: 2026, isoWeek: 47, unit: { provinceCode: HN }, newCases: { gt: 100_000 } },
      select: { newCases: true },
    });
    expect(cases.map((c) => c.newCases).sort()).toEqual([100_001, 100_002]);
    expect(await db.prisma.auditLog.count({ where: { action: 'activation.opened', provinceCode: HN } })).toBe(1);
  });

  it('a save and a leader’s manual activation at the same moment open one activation', async () => {
    // The save inserts its activation and holds its transaction open; the leader's activation checks ("none open":
    // not committed yet), inserts, and on PostgreSQL waits on the partial unique index until the save commits, then
    // gets the unique violation, caught under a savepoint and reported as "already open". (PGlite runs transactions
    // one at a time, so there the leader's check simply finds the save's activation.)
    const leader = await db.prisma.user.create({
      data: {
        email: 'lanhdao.bp@test.invalid',
        name: 'Lãnh đạo tỉnh thử',
        role: 'PROVINCIAL_LEADER',
        provinceCode: BP,
        passwordHash: '-',
      },
      select: { id: true, email: true, name: true, provinceCode: true, unitId: true, agencyId: true },
    });
    await db.prisma.$transaction((tx) => writeFigures(tx, BP, W47, SURGE));
    let inserted!: () => void;
    const saveInserted = new Promise<void>((resolve) => (inserted = resolve));
    const saving = db.prisma.$transaction(
      async (tx) => {
        await writeFigures(tx, BP, W47, { newCases: 100_003 }, [BP]);
        const r = await afterReportsSaved(tx, { provinceCode: BP, weeks: [W47], actor, now: NOW });
        inserted();
        await new Promise((resolve) => setTimeout(resolve, 400));
        return r;
      },
      { timeout: 20_000 },
    );
    const manual = saveInserted.then(() =>
      activateManually(
        { ...leader, role: 'PROVINCIAL_LEADER' },
        { provinceCode: BP, reason: 'Biến chủng mới nguy hiểm' },
        NOW,
      ),
    );
    const [saved, decided] = await Promise.all([saving, manual]);
    expect(saved?.activation).toMatchObject({ status: 'opened' });
    expect(decided).toEqual({ ok: false, code: 'conflict', message: 'errors.alreadyOpen' });
    expect(await activations(BP)).toEqual([expect.objectContaining({ status: 'OPEN', trigger: 'AUTOMATIC' })]);
    expect(await db.prisma.weeklyReport.count({ where: { newCases: 100_003 } })).toBe(1);
  });

  it('loses the race without aborting the caller’s transaction (the unique violation is caught under a savepoint)', async () => {
    // Deterministic on both databases: the "none open" check is skipped, so the insert itself hits the index.
    const outcome = await db.prisma.$transaction(async (tx) => {
      const verdict = (await loadProvinceVerdict(tx, HN, W47))!;
      const r = await openActivation(tx, {
        verdict,
        week: W47,
        trigger: 'AUTOMATIC',
        reason: null,
        actor: { id: null, label: 'system:auto-activation' },
        now: NOW,
      });
      // the transaction is still usable after the violation
      const after = await writeFigures(tx, HN, W47, { oxygenAvg7d: 12_345 }, [HN]);
      return { r, after };
    });
    expect(outcome.r).toMatchObject({ status: 'already-open' });
    expect(outcome.after).toBe(1);
    expect(await activations(HN)).toHaveLength(1);
    expect(await db.prisma.weeklyReport.count({ where: { oxygenAvg7d: 12_345 } })).toBe(1);
  });
});
