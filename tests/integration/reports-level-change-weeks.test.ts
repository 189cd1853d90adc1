import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { EMPTY_FIGURES, type Figures } from '@/lib/validations/figures';
import { saveReports } from '@/server/reports/save';
import type { ReportInput } from '@/server/reports/types';
import { province, user, type FactoryProvince } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// A save that corrects the week of an automatic opening a week later (issue 13, items 3 and 4): the file of an import
// can hold both that older week and the latest complete week. What the user confirms is what the rule does (the
// withdrawal, with its own week and bodies), and confirming it saves: it is never asked again and again. A correction
// of an older week does not withdraw a plan the latest complete week calls for (a settled surge).

const W46: IsoWeek = { isoYear: 2026, isoWeek: 46 };
const W47: IsoWeek = { isoYear: 2026, isoWeek: 47 };
const IN_W47 = '2026-11-16T03:00:00Z'; // Monday of W47: the latest complete week is W46
const IN_W48 = '2026-11-23T03:00:00Z'; // Monday of W48: the latest complete week is W47

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.destroy();
});

/** Lai Châu's example, every unit reported: 2,100 cases, 8 × (4 free beds, 1 ICU) and the provincial row's. */
const district = (i: number): Figures => ({
  ...EMPTY_FIGURES,
  newCases: i < 4 ? 263 : 262,
  oxygenAvg7d: 2,
  freeCovidBeds: 4,
  staffedIcuBeds: 1,
});
const ownRow = (staffedIcuBeds: number): Figures => ({
  ...EMPTY_FIGURES,
  oxygenAvg7d: 3,
  freeCovidBeds: 120,
  staffedIcuBeds,
});

async function laiChau(): Promise<{ p: FactoryProvince; clerk: SessionUser }> {
  const p = await province(db.prisma, { plan: 'lai-chau', population: 460_196, districts: Array(8).fill(57_524) });
  return { p, clerk: await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p }) };
}

const inputs = (p: FactoryProvince, week: IsoWeek, icu: number, ref = 0): ReportInput[] => [
  { unitCode: p.code, week, version: null, figures: ownRow(icu), ref },
  ...p.districts.map((d, i) => ({ unitCode: d.code, week, version: null, figures: district(i), ref: ref + 1 + i })),
];

/** Saves as an import does (no versions), confirming the level change with `key` when given. */
const save = (clerk: SessionUser, p: FactoryProvince, rows: ReportInput[], key: string | null = null) =>
  saveReports(clerk, p.code, rows, { confirmWarnings: true, confirmLevelChange: key, source: 'import' });

async function openedOnW46(warningIcuInW47: boolean) {
  const lc = await laiChau();
  vi.stubEnv('SURGEWATCH_NOW', IN_W47);
  // the typo (2 ICU beds on the provincial row: 10 in all, 2.17 per 100,000) makes W46 a settled surge: it opens
  const asked = await save(lc.clerk, lc.p, inputs(lc.p, W46, 2));
  expect(asked).toMatchObject({ status: 'warnings', levelChange: { action: 'open', agencies: 16 } });
  const key = asked.status === 'warnings' ? asked.levelChange!.key : '';
  expect(await save(lc.clerk, lc.p, inputs(lc.p, W46, 2), key)).toMatchObject({ status: 'saved' });
  vi.stubEnv('SURGEWATCH_NOW', IN_W48);
  // W47, the latest complete week now: early warning (20 ICU beds) or, with the typo again, a settled surge
  const w47 = inputs(lc.p, W47, warningIcuInW47 ? 20 : 2, 100);
  return { ...lc, w47 };
}

const activations = (p: FactoryProvince) =>
  db.prisma.activation.findMany({
    where: { provinceId: p.id },
    select: { isoWeek: true, status: true },
    orderBy: { id: 'asc' },
  });

describe('a file correcting the week of an automatic opening and writing the latest week', () => {
  it('asks once, naming the withdrawal of that week, and saves when that is confirmed', async () => {
    const { p, clerk, w47 } = await openedOnW46(true);
    const file = [...inputs(p, W46, 20), ...w47];
    const asked = await save(clerk, p, file);
    expect(asked).toMatchObject({
      status: 'warnings',
      levelChange: { week: '2026-W46', from: 'surge', to: 'warning', action: 'withdraw', agencies: 16 },
    });
    expect(await activations(p)).toEqual([{ isoWeek: 46, status: 'OPEN' }]); // nothing kept
    const key = asked.status === 'warnings' ? asked.levelChange!.key : '';
    const confirmed = await save(clerk, p, file, key);
    expect(confirmed).toMatchObject({ status: 'saved', levelChange: { action: 'withdraw', week: '2026-W46' } });
    expect(await activations(p)).toEqual([{ isoWeek: 46, status: 'WITHDRAWN' }]);
  });

  it('keeps the plan open (the correction shown) while the latest complete week is a settled surge', async () => {
    const { p, clerk, w47 } = await openedOnW46(false);
    // W47 first: a settled surge (the plan is open already, so nothing more opens)
    const first = await save(clerk, p, w47);
    const key = first.status === 'warnings' ? (first.levelChange?.key ?? null) : null;
    expect(await save(clerk, p, w47, key)).toMatchObject({ status: 'saved' });
    // then W46 corrected alone: no longer a surge, but the present is one, so the plan stays and records it
    const corrected = await save(clerk, p, inputs(p, W46, 20));
    expect(corrected).toMatchObject({ status: 'saved' });
    const [a] = await db.prisma.activation.findMany({
      where: { provinceId: p.id },
      select: { status: true, correction: true },
    });
    expect(a).toMatchObject({ status: 'OPEN', correction: { week: '2026-W46', levelAfter: 'warning' } });
  });
});

describe('the eight districts saved without the provincial row (issue 13, "Done when" #1), through the save', () => {
  it('asks to confirm a proposal, not an opening; confirmed, the proposal is open and no plan; the row settles it', async () => {
    const { p, clerk } = await laiChau();
    vi.stubEnv('SURGEWATCH_NOW', IN_W48);
    const districts = inputs(p, W47, 20).slice(1);
    const asked = await save(clerk, p, districts);
    expect(asked).toMatchObject({
      status: 'warnings',
      levelChange: { week: '2026-W47', from: 'no-data', to: 'surge', settled: false, action: 'propose', agencies: 16 },
    });
    const key = asked.status === 'warnings' ? asked.levelChange!.key : '';
    expect(await save(clerk, p, districts, key)).toMatchObject({ status: 'saved' });
    const proposals = () =>
      db.prisma.activationProposal.findMany({ where: { provinceId: p.id }, select: { status: true } });
    expect(await proposals()).toEqual([{ status: 'OPEN' }]);
    expect(await activations(p)).toEqual([]);
    // the provincial row (120 free beds, 20 ICU): early warning, settled; nothing opens, the proposal closes
    const row = inputs(p, W47, 20).slice(0, 1);
    const settling = await save(clerk, p, row);
    expect(settling).toMatchObject({
      status: 'warnings',
      levelChange: { from: 'surge', to: 'warning', settled: true, action: 'none', agencies: 0 },
    });
    const rowKey = settling.status === 'warnings' ? settling.levelChange!.key : '';
    expect(await save(clerk, p, row, rowKey)).toMatchObject({ status: 'saved' });
    expect(await proposals()).toEqual([{ status: 'SETTLED' }]);
    expect(await activations(p)).toEqual([]);
  });
});
