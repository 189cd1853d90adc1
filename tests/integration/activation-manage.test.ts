import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/roles';
import { activateManually, setTaskDueDate, standDown } from '@/server/activation/manage';
import { activateSchema, dueDateSchema } from '@/lib/validations/activation';
import { tickTask } from '@/server/activation/tick';
import { getResponseView } from '@/server/activation/queries';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import { activationWorld, NOW, type ActivationWorld } from './activation-support';

// The leaders' side: the progress view, due dates, standing down, manual activation, and refusals across provinces.

let db: TestDatabase;
let users: ActivationWorld['users'];
let KG: string;
let LC: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const world = await activationWorld(db.prisma);
  ({ users } = world);
  KG = world.kg.code;
  LC = world.lc.code;
  useAsAppDatabase(db);
});
afterAll(async () => db?.destroy());

async function view(user: SessionUser, code: string, activationId?: number, now = NOW) {
  const r = await getResponseView(user, code, { activationId, now });
  if (r.status !== 'ok') throw new Error(r.status);
  return r.data;
}
const kgOpen = () =>
  db.prisma.activation.findFirstOrThrow({ where: { province: { code: KG }, status: 'OPEN' }, select: { id: true } });

describe('the progress view', () => {
  it('shows progress per agency and per district, and changes when an officer ticks', async () => {
    const before = await view(users.leaderKG, KG);
    const sel = before.selected!;
    expect(before.canManage).toBe(true);
    expect(sel.summary).toMatchObject({
      status: 'OPEN',
      trigger: 'AUTOMATIC',
      openedBy: null,
      week: '2026-W47',
      done: 0,
      total: 179,
    });
    expect(sel.snapshot.level).toBe('surge');
    expect(sel.byAgency).toHaveLength(24);
    expect(sel.byAgency.at(-1)).toMatchObject({ total: 8 * 15, done: 0 });
    expect(sel.byAgency[0]).toMatchObject({
      name: 'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
      total: 4,
      leadersTick: true,
    });
    expect(sel.byDistrict).toHaveLength(15);
    expect(sel.byDistrict.every((d) => d.total === 8 && d.done === 0)).toBe(true);

    const task = sel.tasks.find((t) => t.districtId === users.districtKG.unitId)!;
    await tickTask(
      users.districtKG,
      { taskId: task.id, done: true, note: 'Xong ở Rạch Giá', version: task.version },
      NOW,
    );
    const after = (await view(users.leaderKG, KG)).selected!;
    expect(after.summary.done).toBe(1);
    expect(after.byDistrict.find((d) => d.key === users.districtKG.unitId)).toMatchObject({
      name: 'Thành phố Rạch Giá',
      done: 1,
      total: 8,
    });
    expect(after.notes[0]).toMatchObject({
      taskId: task.id,
      note: 'Xong ở Rạch Giá',
      actorName: 'Cán bộ TP Rạch Giá',
      districtName: 'Thành phố Rạch Giá',
    });
    // other roles of the province read it without the leaders' controls, and see only the ticks that are theirs
    const officerView = await view(users.districtKG, KG);
    expect(officerView.canManage).toBe(false);
    expect(
      officerView.selected!.tasks.filter((t) => t.canTick).every((t) => t.districtId === users.districtKG.unitId),
    ).toBe(true);
  });

  it('leaves the figures out for those who may not read them (agency officers): level and completeness only', async () => {
    expect((await view(users.leaderKG, KG)).selected).toMatchObject({
      figuresHidden: false,
      snapshot: { counts: expect.any(Object) },
    });
    const agency = (await view(users.agencyKG, KG)).selected!;
    expect(agency.figuresHidden).toBe(true);
    expect(agency.snapshot).toMatchObject({ level: 'surge', counts: null, population: null, criteria: [] });
  });

  it('is refused to another province’s leader and to nobody’s province', async () => {
    expect(await getResponseView(users.leaderLC, KG, { now: NOW })).toEqual({ status: 'forbidden' });
    expect(await getResponseView(users.national, '00', { now: NOW })).toEqual({ status: 'not-found' });
  });
});

describe('due dates', () => {
  it('lets a leader set and clear a due date; an open task past it is overdue', async () => {
    const { id: activationId } = await kgOpen();
    const task = await db.prisma.activationTask.findFirstOrThrow({
      where: { activationId, agency: { code: 'so-y-te' } },
      select: { id: true, version: true },
    });
    const set = await setTaskDueDate(users.leaderKG, {
      taskId: task.id,
      dueDate: '2026-11-25',
      version: task.version,
    });
    expect(set).toEqual({ ok: true, data: { version: task.version + 1 }, message: 'done.dueDate' });
    expect((await view(users.leaderKG, KG)).selected!.overdue).toBe(0);
    // on 26 November (Vietnam), the task is overdue
    const later = (await view(users.leaderKG, KG, undefined, new Date('2026-11-25T17:30:00Z'))).selected!;
    expect(later.overdueTasks.map((t) => t.id)).toEqual([task.id]);
    expect(later.byAgency.find((a) => a.name === 'Sở Y tế')).toMatchObject({ overdue: 1 });
    // a stale version is a conflict; clearing with the current one works
    expect(
      await setTaskDueDate(users.leaderKG, {
        taskId: task.id,
        dueDate: '2026-12-01',
        version: task.version,
      }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expect(
      await setTaskDueDate(users.leaderKG, { taskId: task.id, dueDate: '', version: task.version + 1 }),
    ).toMatchObject({ ok: true });
    const audit = await db.prisma.auditLog.findMany({
      where: { action: 'task.due-date', targetId: String(task.id) },
      select: { before: true, after: true },
    });
    expect(
      audit.map((a) => [
        (a.before as { dueDate: string | null }).dueDate,
        (a.after as { dueDate: string | null }).dueDate,
      ]),
    ).toEqual([
      [null, '2026-11-25'],
      ['2026-11-25', null],
    ]);
  });

  it('refuses due dates from officers and other provinces, and dates that do not exist', async () => {
    const { id: activationId } = await kgOpen();
    const task = await db.prisma.activationTask.findFirstOrThrow({
      where: { activationId },
      select: { id: true, version: true },
    });
    expect(
      await setTaskDueDate(users.agencyKG, {
        taskId: task.id,
        dueDate: '2026-12-01',
        version: task.version,
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await setTaskDueDate(users.leaderLC, {
        taskId: task.id,
        dueDate: '2026-12-01',
        version: task.version,
      }),
    ).toEqual({ ok: false, code: 'forbidden', message: 'errors.otherProvince' });
    expect(
      dueDateSchema.safeParse({ taskId: task.id, dueDate: '2026-02-30', version: 1 }).error?.issues[0]?.message,
    ).toBe('errors.invalidDate');
    expect(dueDateSchema.parse({ taskId: task.id, dueDate: '', version: 1 }).dueDate).toBeNull();
  });
});

describe('standing down and manual activation', () => {
  it('refuses another province’s leader and officers', async () => {
    const { id } = await kgOpen();
    expect(await standDown(users.leaderLC, { activationId: id, reason: 'Không phải tỉnh tôi' }, NOW)).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'errors.otherProvince',
    });
    expect(await standDown(users.districtKG, { activationId: id, reason: 'Tôi muốn dừng' }, NOW)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      await activateManually(users.leaderLC, { provinceCode: KG, reason: 'Không phải tỉnh tôi' }, NOW),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await kgOpen()).id).toBe(id);
  });

  it('refuses a manual activation while one is open, and a second stand-down', async () => {
    const { id } = await kgOpen();
    expect(await activateManually(users.leaderKG, { provinceCode: KG, reason: 'Biến chủng mới' }, NOW)).toEqual({
      ok: false,
      code: 'conflict',
      message: 'errors.alreadyOpen',
    });
    expect(await standDown(users.leaderKG, { activationId: id, reason: 'Dịch đã được kiểm soát' }, NOW)).toMatchObject({
      ok: true,
    });
    expect(await standDown(users.leaderKG, { activationId: id, reason: 'Lần nữa' }, NOW)).toEqual({
      ok: false,
      code: 'refused',
      message: 'errors.alreadyStoodDown',
    });
    const record = (await view(users.leaderKG, KG, id)).selected!;
    expect(record.summary).toMatchObject({
      status: 'STOOD_DOWN',
      standDownReason: 'Dịch đã được kiểm soát',
      stoodDownBy: 'Lãnh đạo tỉnh Kiên Giang',
      done: 1,
    });
    expect(record.tasks.some((t) => t.canTick)).toBe(false);
  });

  it('opens a new activation by a leader’s decision, with the reason, whatever the figures', async () => {
    expect(activateSchema.safeParse({ provinceCode: LC, reason: ' ab ' }).error?.issues[0]?.message).toBe(
      'errors.reasonTooShort',
    );
    // Lai Châu is in early warning, not surge: a leader may still open the plan (a dangerous new variant)
    const r = await activateManually(
      users.leaderLC,
      { provinceCode: LC, reason: 'Xuất hiện biến chủng mới nguy hiểm' },
      NOW,
    );
    expect(r).toMatchObject({ ok: true });
    const lc = (await view(users.leaderLC, LC)).selected!;
    expect(lc.summary).toMatchObject({
      trigger: 'MANUAL',
      reason: 'Xuất hiện biến chủng mới nguy hiểm',
      openedBy: 'Lãnh đạo tỉnh Lai Châu',
      total: 60 - 4 + 4 * 8,
      provisional: true,
    });
    expect(lc.snapshot.level).toBe('warning');
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'activation.opened', provinceCode: LC },
    });
    expect(audit).toMatchObject({ actorId: users.leaderLC.id, actorLabel: users.leaderLC.email });

    // Kiên Giang, stood down above: a new manual activation lists both in the history, newest first
    expect(
      await activateManually(users.leaderKG, { provinceCode: KG, reason: 'Số ca tăng trở lại' }, NOW),
    ).toMatchObject({ ok: true });
    const kg = await view(users.leaderKG, KG);
    expect(kg.activations.map((a) => [a.status, a.trigger])).toEqual([
      ['OPEN', 'MANUAL'],
      ['STOOD_DOWN', 'AUTOMATIC'],
    ]);
    expect(kg.selected!.summary).toMatchObject({ status: 'OPEN', done: 0, total: 179 });
  });
});
