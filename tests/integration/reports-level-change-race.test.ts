import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { EMPTY_FIGURES } from '@/lib/validations/figures';
import { saveWeeklyReports } from '@/server/reports/save';
import { province, reports, user, type FactoryProvince } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// "Say it before it happens", under concurrency (issue 13 item 3): two clerks save the last two missing districts of a
// week at the same moment. Alone, each save leaves the surge unsettled (a proposal, nothing to confirm); together they
// settle it, which opens the plan. The one that commits second must not open the plan unannounced: saves of a province
// take its lock first, so the second sees the first's row, and the opening is shown and asked for. On PGlite the two
// transactions run one after the other anyway; on PostgreSQL (CI) they overlap.

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
const W47: IsoWeek = { isoYear: 2026, isoWeek: 47 };

let db: TestDatabase;
let p: FactoryProvince;
let clerk: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db);
  p = await province(db.prisma, {
    plan: 'lai-chau',
    population: 460_196,
    districts: Array(8).fill(57_524),
  });
  clerk = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: p });
  // six districts with 350 cases each (2,100: 456 per 100,000, met), 4 free beds and 1 ICU bed; the provincial row
  // with 10 free beds and 2 ICU beds: capacity met on partial sums (34 beds, 8 ICU), so an unsettled surge
  const rows = Object.fromEntries(
    p.districts
      .slice(0, 6)
      .map((d) => [d.code, { newCases: 350, oxygenAvg7d: 2, freeCovidBeds: 4, staffedIcuBeds: 1 }]),
  );
  await reports(db.prisma, p, W47, {
    ...rows,
    [p.code]: { newCases: null, oxygenAvg7d: 3, freeCovidBeds: 10, staffedIcuBeds: 2 },
  });
});
afterAll(async () => db?.destroy());

const lastTwo = () => p.districts.slice(6).map((d) => d.code);
const row = (unitCode: string) => ({
  ...EMPTY_FIGURES,
  unitCode,
  version: 0, // read when no row was stored
  newCases: 0,
  oxygenAvg7d: 1,
  freeCovidBeds: 4,
  staffedIcuBeds: 1,
});

describe('two saves that together settle a surge', () => {
  it('open the plan only once it is announced: the second save is asked to confirm the opening', async () => {
    const [a, b] = lastTwo();
    const results = await Promise.all(
      [a!, b!].map((code) => saveWeeklyReports(clerk, p.code, W47, [row(code)], { confirmWarnings: true })),
    );
    const saved = results.filter((r) => r.status === 'saved');
    const asked = results.filter((r) => r.status === 'warnings');
    expect(saved).toHaveLength(1);
    expect(asked).toHaveLength(1);
    const change = asked[0]!.status === 'warnings' ? asked[0]!.levelChange : null;
    expect(change).toMatchObject({ to: 'surge', settled: true, action: 'open', agencies: 16 });
    // nothing opened behind the user's back
    expect(await db.prisma.activation.count({ where: { provinceId: p.id } })).toBe(0);

    // confirmed with the key it was shown, the second save opens the plan
    const second = results.indexOf(asked[0]!) === 0 ? a! : b!;
    const confirmed = await saveWeeklyReports(clerk, p.code, W47, [row(second)], {
      confirmWarnings: true,
      confirmLevelChange: change!.key,
    });
    expect(confirmed.status).toBe('saved');
    expect(await db.prisma.activation.count({ where: { provinceId: p.id, status: 'OPEN' } })).toBe(1);
  });
});
