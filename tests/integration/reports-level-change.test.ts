import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as unitRoute from '@/app/api/v1/reports/[unitCode]/[isoWeek]/route';
import * as importRoute from '@/app/api/v1/reports/import/route';
import { parseIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { EMPTY_FIGURES, type Figures } from '@/lib/validations/figures';
import { saveWeeklyReports } from '@/server/reports/save';
import { createApiToken } from '@/server/tokens/api-tokens';
import { demoReports, referenceProvince, user, type FactoryProvince } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// "Say it before it happens" (issue 13 item 3) on a real database, with the real activation: a save that changes Lai
// Châu's level for the latest complete week is a warning naming what the plan will do, nothing is kept until the user
// confirms that very consequence (its key), and a consequence changed meanwhile asks again. The grid, the API and the
// import alike. Lai Châu with the demo's 52 weeks to 2026-W47, where Tam Đường (106) has not reported.

vi.mock('@/server/auth/current-user', () => ({ getCurrentUser: vi.fn(async () => null), requireUser: vi.fn() }));

const NOW = new Date('2026-11-23T03:00:00Z'); // Monday of 2026-W48 in Asia/Ho_Chi_Minh; last complete week W47
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');
const BASE = 'http://surgewatch.test';

const W47 = parseIsoWeek('2026-W47') as IsoWeek;
const figures = (f: Partial<Figures>): Figures => ({ ...EMPTY_FIGURES, ...f });
/** the demo's provincial row of W47 (src/server/seed/synthetic-reports.ts), ICU 12 */
const OWN_ROW = figures({
  oxygenAvg7d: 45.56,
  freeCovidBeds: 50,
  staffedIcuBeds: 12,
  totalCovidBeds: 807,
  totalIcuBeds: 14,
});
/** Tam Đường's row: with its 2 ICU beds the week has 26 (5.65 per 100,000), and a typo of 4 for 12 gives 18 (3.91) */
const TAM_DUONG = figures({ newCases: 250, oxygenAvg7d: 5, freeCovidBeds: 8, staffedIcuBeds: 2 });

let db: TestDatabase;
let lc: FactoryProvince;
let entry: SessionUser;
let colleague: SessionUser;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  lc = await referenceProvince(db.prisma, '12');
  await demoReports(db.prisma, lc, W47);
  useAsAppDatabase(db);
  entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc });
  colleague = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc });
  token = (await createApiToken(entry, { name: 'level change', expiresInDays: null })).token;
});
afterAll(async () => db?.destroy());

const stored = (unitCode: string) =>
  db.prisma.weeklyReport.findFirstOrThrow({
    where: { unit: { code: unitCode }, isoYear: 2026, isoWeek: 47 },
    select: { version: true, staffedIcuBeds: true },
  });
const activations = () =>
  db.prisma.activation.findMany({
    where: { provinceId: lc.id },
    select: { id: true, status: true, trigger: true },
    orderBy: { id: 'asc' },
  });
const openTaskAgencies = async () =>
  (
    await db.prisma.activationTask.groupBy({
      by: ['agencyId'],
      where: { activation: { provinceId: lc.id, status: 'OPEN' } },
    })
  ).length;
const writes = async () => [
  await db.prisma.auditLog.count({ where: { targetType: 'WeeklyReport' } }),
  (await db.prisma.dataVersion.findUnique({ where: { provinceCode: '12' } }))?.version ?? 0,
];

/** The provincial row of W47 as the grid sends it, read at its stored version. */
async function ownRow(icu: number) {
  const { version } = await stored('12');
  return { unitCode: '12', version, ...OWN_ROW, staffedIcuBeds: icu };
}
const typo = async (confirmLevelChange?: string | null) =>
  saveWeeklyReports(entry, '12', W47, [await ownRow(4)], { confirmWarnings: true, confirmLevelChange });

describe('a save that changes the latest complete week’s level', () => {
  it('has no such warning when the level does not change: Tam Đường’s row keeps the week in early warning', async () => {
    const out = await saveWeeklyReports(entry, '12', W47, [{ unitCode: '106', version: 0, ...TAM_DUONG }], {
      confirmWarnings: true,
    });
    expect(out).toMatchObject({ status: 'saved', changed: 1, levelChange: null });
    expect(await activations()).toEqual([]);
  });

  it('is a warning naming the opening for 16 bodies, and saves nothing until confirmed', async () => {
    const before = await writes();
    const out = await typo();
    expect(out).toEqual({
      status: 'warnings',
      warnings: [],
      levelChange: {
        code: 'levelChange',
        week: '2026-W47',
        from: 'warning',
        to: 'surge',
        settled: true,
        action: 'open',
        agencies: 16,
        key: '2026-W47.warning.surge.settled.open.16',
      },
    });
    // the row warnings (4 is far from the row's history) come with it: one confirmation for both
    const unconfirmed = await saveWeeklyReports(entry, '12', W47, [await ownRow(4)], { confirmWarnings: false });
    expect(unconfirmed).toMatchObject({ status: 'warnings', levelChange: { action: 'open', agencies: 16 } });
    expect(await stored('12')).toMatchObject({ version: 1, staffedIcuBeds: 12 });
    expect(await writes()).toEqual(before);
    expect(await activations()).toEqual([]);
  });

  it('treats a forged or garbled key as not confirmed: asked again, nothing saved', async () => {
    for (const key of ['', 'x', '2026-W47.warning.surge.settled.open.15', '__proto__', 'a'.repeat(5000), null])
      expect(await typo(key)).toMatchObject({ status: 'warnings', levelChange: { action: 'open' } });
    expect(await stored('12')).toMatchObject({ version: 1, staffedIcuBeds: 12 });
    expect(await activations()).toEqual([]);
  });

  it('asks again when another save changed the consequence after the user saw it, then saves what they confirm', async () => {
    const seen = (await typo()) as { levelChange: { key: string } };
    // meanwhile a colleague clears Nậm Nhùn's ICU figure: the surge the typo makes is no longer settled
    const { version } = await stored('112');
    const cleared = await saveWeeklyReports(
      colleague,
      '12',
      W47,
      [{ unitCode: '112', version, ...figures({ newCases: 162, oxygenAvg7d: 3.26, freeCovidBeds: 4 }) }],
      { confirmWarnings: true },
    );
    expect(cleared).toMatchObject({ status: 'saved', levelChange: null }); // early warning either way

    const again = await typo(seen.levelChange.key);
    expect(again).toMatchObject({
      status: 'warnings',
      levelChange: { from: 'warning', to: 'surge', settled: false, action: 'propose', agencies: 16 },
    });
    expect(await stored('12')).toMatchObject({ version: 1, staffedIcuBeds: 12 });
    expect(await activations()).toEqual([]);

    // the colleague puts the figure back: the proposal's key is stale in its turn
    const restored = await saveWeeklyReports(
      colleague,
      '12',
      W47,
      [
        {
          unitCode: '112',
          version: version + 1,
          ...figures({ newCases: 162, oxygenAvg7d: 3.26, freeCovidBeds: 4, staffedIcuBeds: 1 }),
        },
      ],
      { confirmWarnings: true },
    );
    expect(restored).toMatchObject({ status: 'saved' });
    const third = await typo((again as { levelChange: { key: string } }).levelChange.key);
    expect(third).toMatchObject({ status: 'warnings', levelChange: { key: seen.levelChange.key } });

    const saved = await typo(seen.levelChange.key);
    expect(saved).toMatchObject({
      status: 'saved',
      changed: 1,
      levelChange: { from: 'warning', to: 'surge', settled: true, action: 'open', agencies: 16 },
    });
    expect(await stored('12')).toMatchObject({ version: 2, staffedIcuBeds: 4 });
    expect(await activations()).toMatchObject([{ status: 'OPEN', trigger: 'AUTOMATIC' }]);
    expect(await openTaskAgencies()).toBe(16);
  });
});

const bearer = () => ({ authorization: `Bearer ${token}` });
const put = (body: unknown, query = '') =>
  unitRoute.PUT(
    new Request(`${BASE}/api/v1/reports/12/2026-W47${query}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer() },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ unitCode: '12', isoWeek: '2026-W47' }) },
  );

describe('the API', () => {
  it('names the level change in its 422 and saves with confirm=warnings&levelChange=<key>', async () => {
    // correcting the typo (4 → 12): the automatic opening nobody has acted on is withdrawn
    const { version } = await stored('12');
    const body = { version, ...OWN_ROW };
    const before = await writes();

    const res = await put(body, '?confirm=warnings');
    expect(res.status).toBe(422);
    const refused = await res.json();
    const key = '2026-W47.surge.warning.settled.withdraw.16';
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringContaining(`levelChange=${key}`),
      warnings: [
        {
          code: 'levelChange',
          week: '2026-W47',
          from: 'surge',
          to: 'warning',
          settled: true,
          action: 'withdraw',
          agencies: 16,
          key,
          message: expect.stringContaining('rút lại kích hoạt tự động'),
        },
      ],
      confirm: `confirm=warnings&levelChange=${key}`,
    });
    expect(await writes()).toEqual(before);

    // a garbled key, or a key with a character more, is not a confirmation; never a 5xx
    for (const query of ['?confirm=warnings&levelChange=%00%FF', `?confirm=warnings&levelChange=${key}x`]) {
      const again = await put(body, query);
      expect(again.status).toBe(422);
    }
    expect(await stored('12')).toMatchObject({ staffedIcuBeds: 4 });

    const ok = await put(body, `?${refused.confirm}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      ok: true,
      status: 'updated',
      levelChange: { action: 'withdraw', key, message: expect.stringContaining('Đã rút lại kích hoạt tự động') },
    });
    expect(await stored('12')).toMatchObject({ staffedIcuBeds: 12 });
    expect(await activations()).toMatchObject([{ status: 'WITHDRAWN' }]);
    expect(await openTaskAgencies()).toBe(0);
  });

  it('keeps old confirmations working for saves that change no level', async () => {
    const { version } = await stored('106');
    const res = unitRoute.PUT(
      new Request(`${BASE}/api/v1/reports/106/2026-W47?confirm=warnings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...bearer() },
        body: JSON.stringify({ version, ...TAM_DUONG, newCases: 251 }),
      }),
      { params: Promise.resolve({ unitCode: '106', isoWeek: '2026-W47' }) },
    );
    expect((await res).status).toBe(200);
  });
});

describe('the import', () => {
  const csv = (icu: number) =>
    'unit_code,iso_week,new_cases,oxygen_avg_7d,free_covid_beds,staffed_icu_beds,total_covid_beds,icu_beds\r\n' +
    `12,2026-W47,,45.56,50,${icu},807,14\r\n`;
  const post = (body: string, query = '') =>
    importRoute.POST(
      new Request(`${BASE}/api/v1/reports/import?province=12${query}`, {
        method: 'POST',
        headers: { ...bearer(), 'content-type': 'text/csv' },
        body,
      }),
    );

  it('names the level change, writes nothing until the key comes back, then opens the plan', async () => {
    const before = await writes();
    const res = await post(csv(4));
    expect(res.status).toBe(422);
    const refused = await res.json();
    expect(refused.warnings[0]).toMatchObject({ code: 'levelChange', action: 'open', agencies: 16 });
    expect(refused.confirm).toBe(`confirm=warnings&levelChange=${refused.warnings[0].key}`);
    expect(await writes()).toEqual(before);

    expect((await post(csv(4), '&confirm=warnings')).status).toBe(422);
    expect((await post(csv(4), '&confirm=warnings&levelChange=nonsense')).status).toBe(422);
    expect((await post(csv(4), `&confirm=warnings&levelChange=a&levelChange=b`)).status).toBe(400);
    expect(await activations()).toMatchObject([{ status: 'WITHDRAWN' }]);

    const ok = await post(csv(4), `&${refused.confirm}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      ok: true,
      updated: 1,
      levelChange: { action: 'open', agencies: 16, message: expect.stringContaining('Đã kích hoạt phương án cho 16') },
    });
    expect(await activations()).toMatchObject([{ status: 'WITHDRAWN' }, { status: 'OPEN', trigger: 'AUTOMATIC' }]);
  });
});
