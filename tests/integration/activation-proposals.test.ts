import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import type { Figures } from '@/lib/validations/figures';
import { previewConsequence } from '@/server/activation/consequence';
import { afterReportsSaved } from '@/server/activation/hooks';
import { activateManually, dismissActivationProposal } from '@/server/activation/manage';
import { getMyTasks } from '@/server/activation/my-tasks';
import { getActivationProposal } from '@/server/activation/proposal-view';
import { insertProposal } from '@/server/activation/proposals';
import { getResponseView } from '@/server/activation/queries';
import { tickTask } from '@/server/activation/tick';
import { loadProvinceVerdict } from '@/server/verdicts/province-verdict';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import { builtInPlans, province, reports, user, type FactoryProvince } from '../factories';
import { NOW, W46, W47 } from './activation-support';

// Issue 13, items 2 and 4: an unsettled surge of the latest complete week is proposed to the leaders (never opened);
// the proposal closes when the week settles, is replaced, dismissed, or activated by hand; an automatic opening a
// correction undoes is withdrawn while nobody has acted on it, and otherwise stays open with the correction shown.
// previewConsequence (the save's warning) is checked against what the hook then does, in the same transaction.

let db: TestDatabase;
const LAI_CHAU_POPULATION = 460_196;
/** 2,100 cases over 8 districts, each with 4 free beds and 1 ICU bed (issue 13's example) */
const DISTRICT = (i: number): Figures => ({
  newCases: i < 4 ? 263 : 262,
  oxygenAvg7d: 2,
  freeCovidBeds: 4,
  staffedIcuBeds: 1,
  totalCovidBeds: null,
  totalIcuBeds: null,
  severeCases: null,
  newAdmissions: null,
  deaths: null,
});
const OWN_ROW: Figures = {
  newCases: null,
  oxygenAvg7d: 3,
  freeCovidBeds: 120,
  staffedIcuBeds: 20,
  totalCovidBeds: null,
  totalIcuBeds: null,
  severeCases: null,
  newAdmissions: null,
  deaths: null,
};

interface LaiChau {
  p: FactoryProvince;
  leader: SessionUser;
  dataEntry: SessionUser;
  district: SessionUser;
}

async function laiChau(): Promise<LaiChau> {
  const p = await province(db.prisma, {
    plan: 'lai-chau',
    name: 'Lai Châu (thử)',
    population: LAI_CHAU_POPULATION,
    districts: Array(8).fill(57_524),
  });
  return {
    p,
    leader: await user(db.prisma, 'PROVINCIAL_LEADER', { province: p, name: 'Lãnh đạo Lai Châu (thử)' }),
    dataEntry: await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p, name: 'Nhập liệu Lai Châu (thử)' }),
    district: await user(db.prisma, 'LOCAL_OFFICER', { province: p, unit: p.districts[0] }),
  };
}

const districtRows = (p: FactoryProvince) => Object.fromEntries(p.districts.map((d, i) => [d.code, DISTRICT(i)]));

/**
 * One save as the write paths do it, in one transaction: the rows, the warning's preview of the latest week (as the
 * save service asks it), then the hook; returns both so a test can hold them against each other.
 */
async function save(
  lc: LaiChau,
  rows: Record<string, Partial<Figures>>,
  opts: { week?: IsoWeek; now?: Date; by?: SessionUser } = {},
) {
  const week = opts.week ?? W47;
  const now = opts.now ?? NOW;
  const by = opts.by ?? lc.dataEntry;
  return db.prisma.$transaction(async (tx) => {
    const before = await tx.weeklyReport.findMany({
      where: { isoYear: week.isoYear, isoWeek: week.isoWeek, unit: { code: { in: Object.keys(rows) } } },
      select: {
        unit: { select: { code: true } },
        newCases: true,
        oxygenAvg7d: true,
        freeCovidBeds: true,
        staffedIcuBeds: true,
        totalCovidBeds: true,
        totalIcuBeds: true,
      },
    });
    const stored = new Map(
      before.map(({ unit, oxygenAvg7d, ...r }) => [
        unit.code,
        { ...r, oxygenAvg7d: oxygenAvg7d === null ? null : Number(oxygenAvg7d) } as Figures,
      ]),
    );
    await reports(tx, lc.p, week, rows, by);
    const preview = await previewConsequence(tx, lc.p.code, week, now);
    const outcome = await afterReportsSaved(tx, {
      provinceCode: lc.p.code,
      weeks: [week],
      actor: { id: by.id, label: by.email },
      now,
      changes: Object.entries(rows).map(([unitCode, f]) => {
        const b = stored.get(unitCode) ?? null;
        return { unitCode, week, before: b, after: { ...(b ?? OWN_ROW), ...f } as Figures };
      }),
    });
    return { preview, outcome };
  });
}

const activationsOf = (lc: LaiChau) =>
  db.prisma.activation.findMany({
    where: { provinceId: lc.p.id },
    select: { id: true, status: true, trigger: true, correction: true },
    orderBy: { id: 'asc' },
  });
const proposalsOf = (lc: LaiChau) =>
  db.prisma.activationProposal.findMany({
    where: { provinceId: lc.p.id },
    select: { id: true, status: true, isoWeek: true, closedById: true, closeReason: true, activationId: true },
    orderBy: { id: 'asc' },
  });
const auditOf = (lc: LaiChau, targetType: string) =>
  db.prisma.auditLog
    .findMany({ where: { provinceCode: lc.p.code, targetType }, orderBy: { id: 'asc' } })
    .then((rows) => rows.map((r) => [r.actorLabel, r.action]));

beforeAll(async () => {
  db = await createTestDatabase();
  await builtInPlans(db.prisma);
  useAsAppDatabase(db);
});
afterAll(async () => db?.destroy());

describe('the Lai Châu example (issue 13, "Done when" #1)', () => {
  it('proposes on the eight districts alone, naming the provincial row as missing; the row settles it as warning', async () => {
    const lc = await laiChau();
    // free beds 6.95 and ICU 1.74 per 100,000 on the districts alone: surge, but the provincial row could lift both
    const first = await save(lc, districtRows(lc.p));
    expect(first.preview).toEqual({ level: 'surge', settled: false, action: 'propose', agencies: 16 });
    expect(first.outcome?.consequence).toEqual(first.preview);
    expect(first.outcome?.proposal).toMatchObject({ status: 'created' });
    expect(await activationsOf(lc)).toEqual([]);

    const view = await getActivationProposal(lc.leader, lc.p.code, NOW);
    expect(view).toMatchObject({ week: '2026-W47', level: 'surge', canManage: true, agencies: 16 });
    // the only unit missing is the province's own row ("Cơ sở tuyến tỉnh"), which never reports new cases
    expect(view!.missing).toEqual([
      {
        unitCode: lc.p.code,
        unitName: 'Lai Châu (thử)',
        kind: 'province',
        fields: ['oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds'],
      },
    ]);
    // other roles of the province see it without the decisions; other provinces' users do not see it
    expect(await getActivationProposal(lc.district, lc.p.code, NOW)).toMatchObject({ canManage: false });
    const stranger = await user(db.prisma, 'PROVINCIAL_LEADER', { province: (await laiChau()).p });
    expect(await getActivationProposal(stranger, lc.p.code, NOW)).toBeNull();

    // the provincial hospitals' row (120 free beds, 20 ICU): warning, settled; the proposal closes, nothing opens
    const second = await save(lc, { [lc.p.code]: OWN_ROW });
    expect(second.preview).toEqual({ level: 'warning', settled: true, action: 'none', agencies: 0 });
    expect(second.outcome).toMatchObject({
      consequence: second.preview,
      proposal: { status: 'closed', as: 'SETTLED' },
    });
    expect(await activationsOf(lc)).toEqual([]);
    expect((await proposalsOf(lc)).map((p) => p.status)).toEqual(['SETTLED']);
    expect(await getActivationProposal(lc.leader, lc.p.code, NOW)).toBeNull();
    expect(await auditOf(lc, 'ActivationProposal')).toEqual([
      ['system:auto-activation', 'proposal.created'],
      ['system:auto-activation', 'proposal.settled'],
    ]);
  });

  it('refreshes the one open proposal while the week stays an unsettled surge, and closes it when the surge goes', async () => {
    const lc = await laiChau();
    await save(lc, districtRows(lc.p));
    const d = lc.p.districts[1]!.code;
    expect((await save(lc, { [d]: { freeCovidBeds: 3 } })).outcome?.proposal).toMatchObject({ status: 'refreshed' });
    expect((await proposalsOf(lc)).map((p) => p.status)).toEqual(['OPEN']);
    // a correction of the cases below the threshold: no longer a surge (still unsettled): the proposal lapses
    const lapsed = await save(lc, Object.fromEntries(lc.p.districts.map((x) => [x.code, { newCases: 10 }])));
    expect(lapsed.outcome).toMatchObject({ proposal: { status: 'closed', as: 'LAPSED' } });
    // the surge back: a new proposal (a lapsed one is no decision)
    expect((await save(lc, districtRows(lc.p))).outcome?.proposal).toMatchObject({ status: 'created' });
    expect((await proposalsOf(lc)).map((p) => p.status)).toEqual(['LAPSED', 'OPEN']);
  });
});

describe('the leaders’ decisions on a proposal', () => {
  it('dismisses with a reason: the same week is not proposed again, and a settled surge still opens the plan', async () => {
    const lc = await laiChau();
    await save(lc, districtRows(lc.p));
    const view = (await getActivationProposal(lc.leader, lc.p.code, NOW))!;

    // refused, nothing changed: too short a reason, a user who may not decide, a leader of another province
    expect(await dismissActivationProposal(lc.leader, { proposalId: view.id, reason: 'x' }, NOW)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(
      await dismissActivationProposal(lc.dataEntry, { proposalId: view.id, reason: 'Không đồng ý' }, NOW),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    const other = await laiChau();
    expect(
      await dismissActivationProposal(other.leader, { proposalId: view.id, reason: 'Không đồng ý' }, NOW),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await dismissActivationProposal(lc.leader, { proposalId: 999_999, reason: 'Không đồng ý' }, NOW),
    ).toMatchObject({ ok: false, code: 'not-found' });
    expect((await proposalsOf(lc)).map((p) => p.status)).toEqual(['OPEN']);

    const reason = 'Bệnh viện tỉnh báo miệng còn nhiều giường trống, chờ báo cáo chính thức';
    expect(await dismissActivationProposal(lc.leader, { proposalId: view.id, reason }, NOW)).toEqual({
      ok: true,
      data: undefined,
      message: 'done.dismissed',
    });
    expect(await proposalsOf(lc)).toEqual([
      expect.objectContaining({ status: 'DISMISSED', closedById: lc.leader.id, closeReason: reason }),
    ]);
    // twice: refused, told it is closed
    expect(await dismissActivationProposal(lc.leader, { proposalId: view.id, reason }, NOW)).toMatchObject({
      ok: false,
      message: 'errors.proposalClosed',
    });
    expect(await auditOf(lc, 'ActivationProposal')).toEqual([
      ['system:auto-activation', 'proposal.created'],
      [lc.leader.email, 'proposal.dismissed'],
    ]);

    // a later save, the surge still unsettled: no new proposal for this week
    const again = await save(lc, { [lc.p.districts[0]!.code]: { newCases: 270 } });
    expect(again.preview).toMatchObject({ level: 'surge', settled: false, action: 'none' });
    expect(await proposalsOf(lc)).toHaveLength(1);
    // the provincial row reports few beds: a settled surge, and the plan opens by itself despite the dismissal
    const settled = await save(lc, { [lc.p.code]: { ...OWN_ROW, freeCovidBeds: 2, staffedIcuBeds: 1 } });
    expect(settled.preview).toEqual({ level: 'surge', settled: true, action: 'open', agencies: 16 });
    expect(settled.outcome?.activation).toMatchObject({ status: 'opened', tasks: 88 });
  });

  it('activates by hand from the proposal: the proposal closes as activated, with the leader and the reason', async () => {
    const lc = await laiChau();
    await save(lc, districtRows(lc.p));
    const reason = 'Biến chủng mới nguy hiểm tại các huyện biên giới';
    const result = await activateManually(lc.leader, { provinceCode: lc.p.code, reason }, NOW);
    expect(result).toMatchObject({ ok: true, message: 'done.activated' });
    const [activation] = await activationsOf(lc);
    expect(activation).toMatchObject({ status: 'OPEN', trigger: 'MANUAL' });
    expect(await proposalsOf(lc)).toEqual([
      expect.objectContaining({
        status: 'ACTIVATED',
        closedById: lc.leader.id,
        closeReason: reason,
        activationId: activation!.id,
      }),
    ]);
    expect(await getActivationProposal(lc.leader, lc.p.code, NOW)).toBeNull();
    // the week settling as a surge later opens nothing more
    const settled = await save(lc, { [lc.p.code]: { ...OWN_ROW, freeCovidBeds: 2, staffedIcuBeds: 1 } });
    expect(settled.preview).toMatchObject({ action: 'none' });
    expect(await activationsOf(lc)).toHaveLength(1);
  });

  it('never shows a proposal of an older week as current, and closes it as replaced on the next write', async () => {
    const lc = await laiChau();
    // on 16 November the latest complete week is 2026-W46
    const IN_W47 = new Date('2026-11-16T03:00:00Z');
    await save(lc, districtRows(lc.p), { week: W46, now: IN_W47 });
    expect(await getActivationProposal(lc.leader, lc.p.code, IN_W47)).toMatchObject({ week: '2026-W46' });
    // a week later, before any write: not shown, and neither decision applies to it
    expect(await getActivationProposal(lc.leader, lc.p.code, NOW)).toBeNull();
    const [old] = await proposalsOf(lc);
    expect(
      await dismissActivationProposal(lc.leader, { proposalId: old!.id, reason: 'Đã quá tuần' }, NOW),
    ).toMatchObject({ ok: false, message: 'errors.proposalClosed' });
    expect((await proposalsOf(lc)).map((p) => p.status)).toEqual(['REPLACED']);

    // the same with a write: the new week's save replaces the old proposal (here by a new one)
    const lc2 = await laiChau();
    await save(lc2, districtRows(lc2.p), { week: W46, now: IN_W47 });
    await save(lc2, districtRows(lc2.p));
    expect((await proposalsOf(lc2)).map((p) => [p.isoWeek, p.status])).toEqual([
      [46, 'REPLACED'],
      [47, 'OPEN'],
    ]);
  });
});

describe('two saves proposing at once', () => {
  it('create one proposal', async () => {
    const lc = await laiChau();
    await reports(db.prisma, lc.p, W47, districtRows(lc.p));
    const [a, b] = lc.p.districts.map((d) => d.code);
    const saving = (code: string, newCases: number) =>
      db.prisma.$transaction(
        async (tx) => {
          await reports(tx, lc.p, W47, { [code]: { newCases } });
          return afterReportsSaved(tx, {
            provinceCode: lc.p.code,
            weeks: [W47],
            actor: { id: lc.dataEntry.id, label: lc.dataEntry.email },
            now: NOW,
          });
        },
        { timeout: 20_000, maxWait: 20_000 },
      );
    const results = await Promise.all([saving(a!, 300), saving(b!, 301)]);
    expect(results.map((r) => r?.proposal?.status).sort()).toEqual(['created', 'refreshed']);
    expect((await proposalsOf(lc)).map((p) => p.status)).toEqual(['OPEN']);
  });

  it('the loser of the insert refreshes the winner’s proposal without aborting its transaction', async () => {
    // Deterministic on both databases: the "none open" check is skipped, so the insert itself hits the index
    const lc = await laiChau();
    await save(lc, districtRows(lc.p));
    const outcome = await db.prisma.$transaction(async (tx) => {
      await reports(tx, lc.p, W47, { [lc.p.districts[0]!.code]: { newCases: 280 } });
      const verdict = (await loadProvinceVerdict(tx, lc.p.code, W47))!;
      const r = await insertProposal(tx, { verdict, week: W47, now: NOW });
      const after = await tx.weeklyReport.count({ where: { newCases: 280, unit: { provinceCode: lc.p.code } } });
      return { r, after };
    });
    expect(outcome.r).toMatchObject({ status: 'refreshed' });
    expect(outcome.after).toBe(1);
    expect((await proposalsOf(lc)).map((p) => p.status)).toEqual(['OPEN']);
  });
});

describe('a mistyped cell, then its correction (issue 13, "Done when" #2)', () => {
  /** Every unit reported, warning (cases met; 152 free beds, 28 ICU): the typo 20 → 2 ICU puts it in a settled surge. */
  async function typo(lc: LaiChau) {
    await reports(db.prisma, lc.p, W47, { ...districtRows(lc.p), [lc.p.code]: OWN_ROW });
    const typed = await save(lc, { [lc.p.code]: { staffedIcuBeds: 2 } });
    expect(typed.preview).toEqual({ level: 'surge', settled: true, action: 'open', agencies: 16 });
    expect(typed.outcome?.activation).toMatchObject({ status: 'opened', tasks: 88 });
    return typed;
  }

  it('withdraws the untouched automatic opening: the record stays with the correction, the task lists are empty', async () => {
    const lc = await laiChau();
    await typo(lc);
    const [opened] = await activationsOf(lc);
    expect((await getMyTasks(lc.district, NOW)).status === 'ok').toBe(true);
    const mine = await getMyTasks(lc.district, NOW);
    expect(mine.status === 'ok' && mine.data.tasks.length).toBe(4);

    const corrected = await save(lc, { [lc.p.code]: { staffedIcuBeds: 20 } });
    expect(corrected.preview).toEqual({ level: 'warning', settled: true, action: 'withdraw', agencies: 16 });
    expect(corrected.outcome?.correction).toMatchObject({ status: 'withdrawn', activationId: opened!.id });
    const [withdrawn] = await activationsOf(lc);
    expect(withdrawn).toMatchObject({
      status: 'WITHDRAWN',
      correction: {
        week: '2026-W47',
        by: { id: lc.dataEntry.id, name: 'Nhập liệu Lai Châu (thử)' },
        levelBefore: 'surge',
        settledBefore: true,
        levelAfter: 'warning',
        settledAfter: true,
        withdrawn: true,
        changes: [
          {
            unitCode: lc.p.code,
            unitName: 'Lai Châu (thử)',
            before: expect.objectContaining({ staffedIcuBeds: 2 }),
            after: expect.objectContaining({ staffedIcuBeds: 20 }),
          },
        ],
      },
    });
    expect(await auditOf(lc, 'Activation')).toEqual([
      ['system:auto-activation', 'activation.opened'],
      ['system:auto-activation', 'activation.withdrawn'],
    ]);

    // the officers' lists are empty again; the leader's page keeps the record, without tasks or counts
    const after = await getMyTasks(lc.district, NOW);
    expect(after).toMatchObject({ status: 'ok', data: { activation: null, tasks: [] } });
    const leaderTasks = await getMyTasks(lc.leader, NOW);
    expect(leaderTasks).toMatchObject({ status: 'ok', data: { activation: null, tasks: [] } });
    const view = await getResponseView(lc.leader, lc.p.code, { now: NOW });
    expect(view.status === 'ok' && view.data).toMatchObject({
      hasOpen: false,
      activations: [{ status: 'WITHDRAWN', done: 0, total: 0 }],
      selected: { summary: { status: 'WITHDRAWN', correction: { levelAfter: 'warning' } }, tasks: [] },
    });
    // a task of the withdrawn plan cannot be ticked
    const task = await db.prisma.activationTask.findFirstOrThrow({
      where: { activationId: opened!.id, districtId: lc.district.unitId },
      select: { id: true, version: true },
    });
    expect(await tickTask(lc.district, { taskId: task.id, done: true, version: task.version }, NOW)).toMatchObject({
      ok: false,
      message: 'errors.withdrawn',
    });

    // the typo again: the rule opens a new activation (the withdrawn one stays a record)
    expect((await save(lc, { [lc.p.code]: { staffedIcuBeds: 2 } })).outcome?.activation).toMatchObject({
      status: 'opened',
    });
    expect((await activationsOf(lc)).map((a) => a.status)).toEqual(['WITHDRAWN', 'OPEN']);
  });

  it('keeps the plan open once a task is ticked, and shows the correction for the leader to decide', async () => {
    const lc = await laiChau();
    await typo(lc);
    const mine = await getMyTasks(lc.district, NOW);
    const task = mine.status === 'ok' ? mine.data.tasks[0]! : null;
    expect(
      await tickTask(lc.district, { taskId: task!.id, done: true, note: 'Đã họp', version: task!.version }, NOW),
    ).toMatchObject({ ok: true });

    const corrected = await save(lc, { [lc.p.code]: { staffedIcuBeds: 20 } });
    expect(corrected.preview).toEqual({ level: 'warning', settled: true, action: 'none', agencies: 0 });
    expect(corrected.outcome?.correction).toMatchObject({ status: 'recorded' });
    expect(await activationsOf(lc)).toEqual([
      expect.objectContaining({
        status: 'OPEN',
        correction: expect.objectContaining({ levelBefore: 'surge', levelAfter: 'warning', withdrawn: false }),
      }),
    ]);
    expect((await auditOf(lc, 'Activation')).map(([, action]) => action)).toEqual([
      'activation.opened',
      'activation.corrected',
    ]);
    const view = await getResponseView(lc.leader, lc.p.code, { now: NOW });
    expect(view.status === 'ok' && view.data.selected).toMatchObject({
      summary: { status: 'OPEN', done: 1, total: 88, correction: { levelAfter: 'warning' } },
    });
    // the officer's list still holds their tasks
    const still = await getMyTasks(lc.district, NOW);
    expect(still.status === 'ok' && still.data.tasks.length).toBe(4);
  });

  it('a tick racing the withdrawal: either the plan is withdrawn and the tick refused, or the tick counts and it stays', async () => {
    // On PostgreSQL the withdrawal locks the tasks and moves their versions, so a tick waiting on them is refused; a
    // tick committed first is seen after the lock. (PGlite runs the two one after the other.)
    for (const tickFirst of [false, true]) {
      const lc = await laiChau();
      await typo(lc);
      const mine = await getMyTasks(lc.district, NOW);
      const task = mine.status === 'ok' ? mine.data.tasks[0]! : null;
      let started!: () => void;
      const correcting = new Promise<void>((resolve) => (started = resolve));
      const tick = () => tickTask(lc.district, { taskId: task!.id, done: true, version: task!.version }, NOW);
      const ticking = tickFirst ? tick() : correcting.then(tick);
      const saving = db.prisma.$transaction(
        async (tx) => {
          await reports(tx, lc.p, W47, { [lc.p.code]: { staffedIcuBeds: 20 } });
          const r = await afterReportsSaved(tx, {
            provinceCode: lc.p.code,
            weeks: [W47],
            actor: { id: lc.dataEntry.id, label: lc.dataEntry.email },
            now: NOW,
          });
          started();
          await new Promise((resolve) => setTimeout(resolve, 300));
          return r;
        },
        { timeout: 20_000, maxWait: 20_000 },
      );
      const [ticked, saved] = await Promise.all([ticking, saving]);
      const [activation] = await activationsOf(lc);
      const done = await db.prisma.activationTask.count({ where: { activationId: activation!.id, status: 'DONE' } });
      if (activation!.status === 'WITHDRAWN') {
        expect(done).toBe(0);
        expect(ticked).toMatchObject({ ok: false });
      } else {
        expect(done).toBe(1);
        expect(saved?.correction).toMatchObject({ status: 'recorded' });
      }
    }
  });

  it('keeps a manual activation open whatever the correction', async () => {
    const lc = await laiChau();
    await reports(db.prisma, lc.p, W47, { ...districtRows(lc.p), [lc.p.code]: OWN_ROW });
    await activateManually(lc.leader, { provinceCode: lc.p.code, reason: 'Quyết định của UBND tỉnh' }, NOW);
    const corrected = await save(lc, { [lc.p.code]: { staffedIcuBeds: 25 } });
    expect(corrected.preview).toMatchObject({ action: 'none' });
    // the verdict did not move (warning before and after): nothing to record
    expect(corrected.outcome?.correction).toBeNull();
    const calm = await save(lc, Object.fromEntries(lc.p.districts.map((d) => [d.code, { newCases: 5 }])));
    expect(calm.outcome?.correction).toMatchObject({
      status: 'recorded',
      correction: { levelBefore: 'warning', levelAfter: 'normal' },
    });
    expect((await activationsOf(lc)).map((a) => a.status)).toEqual(['OPEN']);
  });
});
