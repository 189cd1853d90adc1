import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/roles';
import { standDown } from '@/server/activation/manage';
import { tickSchema } from '@/lib/validations/activation';
import { tickTask } from '@/server/activation/tick';
import { getMyTasks } from '@/server/activation/my-tasks';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import { activationWorld, NOW, type ActivationWorld } from './activation-support';

// Ticking tasks of the Kiên Giang-like province's activation (opened by the automatic rule, as the demo's): who may tick what, the history, refusals that change nothing, and two
// officers ticking the same task at once.

let db: TestDatabase;
let activationId: number;
let users: ActivationWorld['users'];

beforeAll(async () => {
  db = await createTestDatabase();
  const world = await activationWorld(db.prisma);
  users = world.users;
  useAsAppDatabase(db);
  activationId = (
    await db.prisma.activation.findFirstOrThrow({
      where: { province: { code: world.kg.code }, status: 'OPEN' },
      select: { id: true },
    })
  ).id;
});
afterAll(async () => db?.destroy());

const taskOf = (where: object) =>
  db.prisma.activationTask.findFirstOrThrow({
    where: { activationId, ...where },
    select: { id: true, version: true, status: true, note: true, doneById: true },
    orderBy: { id: 'asc' },
  });
const snapshot = () =>
  db.prisma.activationTask.findMany({
    select: { id: true, status: true, version: true, note: true, dueDate: true },
    orderBy: { id: 'asc' },
  });
const historyOf = (id: number) =>
  db.prisma.auditLog.findMany({
    where: { targetType: 'ActivationTask', targetId: String(id) },
    select: { action: true, actorLabel: true, after: true },
    orderBy: { id: 'asc' },
  });

describe('ticking a task', () => {
  it('lets a district officer tick their district’s copy done with a note, then reopen it; each change is in the history', async () => {
    const officer = users.districtKG;
    const task = await taskOf({ districtId: officer.unitId });
    const done = await tickTask(
      officer,
      { taskId: task.id, done: true, note: 'Đã lập 2 chốt kiểm soát', version: task.version },
      NOW,
    );
    expect(done).toEqual({
      ok: true,
      data: { status: 'DONE', version: task.version + 1, unchanged: false },
      message: 'done.ticked',
    });
    expect(await taskOf({ id: task.id })).toMatchObject({
      status: 'DONE',
      note: 'Đã lập 2 chốt kiểm soát',
      doneById: officer.id,
    });

    const reopened = await tickTask(
      officer,
      { taskId: task.id, done: false, note: '', version: task.version + 1 },
      NOW,
    );
    expect(reopened).toMatchObject({ ok: true, data: { status: 'OPEN', version: task.version + 2 } });
    expect(await taskOf({ id: task.id })).toMatchObject({ status: 'OPEN', doneById: null });
    expect(await historyOf(task.id)).toEqual([
      {
        action: 'task.done',
        actorLabel: officer.email,
        after: expect.objectContaining({ status: 'DONE', note: 'Đã lập 2 chốt kiểm soát' }),
      },
      {
        action: 'task.reopened',
        actorLabel: officer.email,
        after: expect.objectContaining({ status: 'OPEN', note: null }),
      },
    ]);
  });

  it('lets an agency officer tick their agency’s tasks, and a leader the bodies without an officer', async () => {
    const soYTe = await taskOf({ agencyId: users.agencyKG.agencyId });
    expect(
      await tickTask(users.agencyKG, { taskId: soYTe.id, done: true, note: '', version: soYTe.version }, NOW),
    ).toMatchObject({ ok: true });
    const steering = await taskOf({ agency: { hasOwnOfficer: false } });
    expect(
      await tickTask(
        users.leaderKG,
        { taskId: steering.id, done: true, note: 'Họp BCĐ 8h', version: steering.version },
        NOW,
      ),
    ).toMatchObject({ ok: true });
  });

  it('lists each officer’s own tasks in "my tasks"', async () => {
    const mine = async (u: SessionUser) => {
      const r = await getMyTasks(u, NOW);
      if (r.status !== 'ok') throw new Error(r.status);
      return r.data;
    };
    const district = await mine(users.districtKG);
    // body 24 (district committees) has 8 tasks in Kiên Giang's appendix: one copy each for this district
    expect(district.tasks).toHaveLength(8);
    expect(district.tasks.every((t) => t.districtId === users.districtKG.unitId && t.canTick)).toBe(true);
    expect(district.scope).toEqual({ kind: 'district', name: 'Thành phố Rạch Giá' });
    // Sở Y tế: 15 tasks
    expect((await mine(users.agencyKG)).tasks).toHaveLength(15);
    // leaders: the steering committee (4) and the Fatherland Front (2)
    const leader = await mine(users.leaderKG);
    expect(leader.tasks.map((t) => t.agencyName)).toEqual([
      ...Array(4).fill('Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh'),
      ...Array(2).fill('Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên'),
    ]);
    expect(leader.tasks[0]!.history).toEqual([
      expect.objectContaining({ action: 'task.done', actorName: 'Lãnh đạo tỉnh Kiên Giang', note: 'Họp BCĐ 8h' }),
    ]);
    // the Lai Châu-like province has no open activation
    expect((await mine(users.districtLC)).activation).toBeNull();
    expect(await getMyTasks(users.dataEntryKG, NOW)).toEqual({ status: 'not-applicable' });
  });
});

describe('refusals change nothing', () => {
  it.each([
    ['a task of another district', 'districtKG', { districtId: { not: null } }, 'errors.otherDistrict'],
    ['a province body’s task, for a district officer', 'districtKG', { districtId: null }, 'errors.otherDistrict'],
    ['another agency’s task', 'agencyKG', { agency: { code: 'cong-an-tinh' } }, 'errors.otherAgency'],
    ['another province’s task', 'leaderLC', {}, 'errors.otherProvince'],
    [
      'another province’s task, for a district officer',
      'districtLC',
      { districtId: { not: null } },
      'errors.otherProvince',
    ],
    ['any task, for a data-entry user', 'dataEntryKG', {}, 'errors.forbidden'],
    // no tasks.tick at all: refused before the input is read, as every action refuses a user who may never do it
    ['any task, for a national leader', 'national', {}, 'errors.forbidden'],
  ] as const)('%s', async (_label, who, where, message) => {
    const user = users[who];
    // "another district": a district copy that is not this officer's
    const filter =
      who === 'districtKG' && 'districtId' in where && where.districtId !== null
        ? { AND: [{ districtId: { not: null } }, { districtId: { not: user.unitId } }] }
        : where;
    const task = await taskOf(filter);
    const before = await snapshot();
    const refusalsBefore = await db.prisma.auditLog.count({ where: { action: 'permission.denied', actorId: user.id } });
    const result = await tickTask(user, { taskId: task.id, done: true, note: 'x', version: task.version }, NOW);
    expect(result).toEqual({ ok: false, code: 'forbidden', message });
    expect(await snapshot()).toEqual(before);
    expect(await db.prisma.auditLog.count({ where: { action: 'permission.denied', actorId: user.id } })).toBe(
      refusalsBefore + 1,
    );
  });

  it('refuses a task that no longer exists', async () => {
    const before = await snapshot();
    expect(await tickTask(users.leaderKG, { taskId: 987_654, done: true, note: '', version: 1 }, NOW)).toEqual({
      ok: false,
      code: 'not-found',
      message: 'errors.taskGone',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a change made on a stale version (the task moved the other way meanwhile)', async () => {
    const officer = users.districtKG;
    const task = await taskOf({ districtId: officer.unitId, status: 'OPEN' });
    await tickTask(officer, { taskId: task.id, done: true, note: '', version: task.version }, NOW);
    await tickTask(officer, { taskId: task.id, done: false, note: '', version: task.version + 1 }, NOW);
    // a second screen still showing the first version asks to tick done: the task is open again at version + 2
    const before = await snapshot();
    expect(
      await tickTask(users.leaderKG, { taskId: task.id, done: true, note: 'muộn', version: task.version }, NOW),
    ).toMatchObject({ ok: false, code: 'conflict', message: 'errors.conflict' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with a message per field', () => {
    const r = tickSchema.safeParse({ taskId: 'abc', done: 'maybe', note: 'x'.repeat(1001), version: 0 });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path.join('.')));
    expect(fields).toEqual(new Set(['taskId', 'done', 'note', 'version']));
    expect(r.error!.issues.find((i) => i.path[0] === 'note')?.message).toBe('errors.noteTooLong');
  });
});

describe('two officers ticking the same task at once', () => {
  it('leaves one state, and both actions in the history', async () => {
    const task = await taskOf({ districtId: users.districtKG.unitId, status: 'OPEN' });
    const historyBefore = (await historyOf(task.id)).length;
    const [a, b] = await Promise.all([
      tickTask(users.districtKG, { taskId: task.id, done: true, note: 'Huyện đã xong', version: task.version }, NOW),
      tickTask(users.leaderKG, { taskId: task.id, done: true, note: 'Tỉnh xác nhận', version: task.version }, NOW),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const outcomes = [a, b].map((r) => (r.ok ? r.data : null));
    // exactly one of them changed the state; the other found it done already
    expect(outcomes.map((o) => o?.unchanged).sort()).toEqual([false, true]);
    expect(outcomes.every((o) => o?.status === 'DONE' && o.version === task.version + 1)).toBe(true);
    const row = await taskOf({ id: task.id });
    expect(row).toMatchObject({ status: 'DONE', version: task.version + 1 });
    const history = (await historyOf(task.id)).slice(historyBefore);
    expect(history.map((h) => h.action)).toEqual(['task.done', 'task.done']);
    expect(history.map((h) => (h.after as { note: string }).note).sort()).toEqual(['Huyện đã xong', 'Tỉnh xác nhận']);
  });
});

describe('a stood-down activation', () => {
  it('is read-only: ticking is refused with a clear message', async () => {
    const task = await taskOf({ districtId: users.districtKG.unitId, status: 'OPEN' });
    expect(await standDown(users.leaderKG, { activationId, reason: 'Dịch đã được kiểm soát' }, NOW)).toMatchObject({
      ok: true,
    });
    const before = await snapshot();
    expect(
      await tickTask(users.districtKG, { taskId: task.id, done: true, note: '', version: task.version }, NOW),
    ).toEqual({ ok: false, code: 'refused', message: 'errors.stoodDown' });
    expect(await snapshot()).toEqual(before);
    const mine = await getMyTasks(users.districtKG, NOW);
    expect(mine.status === 'ok' && mine.data.activation).toBeNull();
  });
});
