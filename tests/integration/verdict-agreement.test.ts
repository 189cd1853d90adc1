import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWeeks, formatIsoWeek, lastCompleteWeek, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import {
  getProvinceCards,
  getProvinceTrends,
  getSurgeStatus,
  openProvince,
  type ProvinceContext,
} from '@/server/dashboard/province';
import { getNationalOverview } from '@/server/dashboard/national';
import { getExportRows } from '@/server/reports/range';
import { loadProvinceVerdict } from '@/server/verdicts/province-verdict';
import { seedIfEmpty } from '@/server/seed';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import { referenceVerdict } from '../support/reference-verdict';

// Issue 13, "one verdict reader": every consumer of the province's verdict (the cards and the print brief, the trends,
// the banner, the national overview, the export API, the activation) gives the same verdict as the rows judged one by
// one in JavaScript (tests/support/reference-verdict.ts), on a fixed sample of weeks of every demo province and on every
// week of Lai Châu, first as seeded, then with rows deleted (units that have not reported: provisional and, for some
// weeks, unsettled verdicts).
const NOW = new Date('2026-11-23T03:00:00Z');
process.env.SURGEWATCH_NOW = NOW.toISOString();
const LAST = lastCompleteWeek(NOW);
const PROVINCES = ['91', '12', '75', '37']; // the demo provinces since the 2025 reform
const SAMPLE = [0, 1, 5, 20, 51].map((n) => addWeeks(LAST, -n));
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

async function open(code: string): Promise<ProvinceContext> {
  const r = await openProvince(national, code);
  if (r.status !== 'ok') throw new Error(r.status);
  return r.data;
}

/** What every consumer must agree on. */
interface Verdict {
  level: string;
  provisional: boolean;
  settled: boolean;
  criteria: unknown;
}

/** Per severity figure, how many units reported it, by `${code} ${week}`: the rows counted one by one (expected()). */
const severityCoverage = new Map<string, Record<string, number>>();

async function expected(code: string, week: IsoWeek): Promise<Verdict> {
  const ref = await referenceVerdict(db.prisma, code, week);
  if (!ref) throw new Error(`no population for ${code} ${formatIsoWeek(week)}`);
  severityCoverage.set(`${code} ${formatIsoWeek(week)}`, ref.severityByField);
  return { ...ref.verdict };
}

const pick = (v: Verdict): Verdict => ({
  level: v.level,
  provisional: v.provisional,
  settled: v.settled,
  criteria: v.criteria,
});

async function compareEveryConsumer(): Promise<Verdict[]> {
  const seen: Verdict[] = [];
  const overview = await getNationalOverview(national, LAST);
  if (overview.status !== 'ok') throw new Error(overview.status);
  for (const code of PROVINCES) {
    const ctx = await open(code);
    for (const week of SAMPLE) {
      const label = `${code} ${formatIsoWeek(week)}`;
      const want = await expected(code, week);
      seen.push(want);
      // the cards (and the print brief, which reads the same function)
      const cards = (await getProvinceCards(ctx, week)).current;
      expect(pick(cards), `cards ${label}`).toEqual(want);
      // the growth lines' coverage of the severity figures (src/lib/growth.ts)
      expect(cards.severityByField, `cards ${label}`).toEqual(severityCoverage.get(label));
      // the activation, through a transaction as the save's hook reads it
      const snapshot = await db.prisma.$transaction(
        async (tx) => (await loadProvinceVerdict(tx, code, week))!.snapshot,
      );
      expect(pick(snapshot as Verdict), `activation ${label}`).toEqual(want);
      // the export API's province total
      const exported = await getExportRows({ provinceCode: code }, week, week);
      if (exported.status !== 'ok') throw new Error(exported.status);
      const total = exported.data.rows.find((r) => r.rowType === 'province-total');
      // a week with reports has its province total (a week without any has no row to export)
      if (want.level !== 'no-data') expect(total, `export ${label}`).toBeDefined();
      if (total)
        expect(
          { level: total.level, provisional: total.provisional, settled: total.settled },
          `export ${label}`,
        ).toEqual({
          level: want.level,
          provisional: want.provisional,
          settled: want.settled,
        });
    }
    // the banner (the last complete week) and the national overview's row
    const last = await expected(code, LAST);
    const status = await getSurgeStatus(ctx);
    expect(pick({ ...status, criteria: status.criteria }), `banner ${code}`).toEqual(last);
    const row = overview.data.rows.find((r) => r.code === code)!;
    expect({ level: row.level, provisional: row.provisional, settled: row.settled }, `national ${code}`).toEqual({
      level: last.level,
      provisional: last.provisional,
      settled: last.settled,
    });
  }
  // every week of one province: the trends (156 weeks, sliced to 52) and the export over the whole range
  const lc = await open('12');
  const trends = await getProvinceTrends(lc, LAST, 52);
  const exported = await getExportRows({ provinceCode: '12' }, trends[0] ? addWeeks(LAST, -51) : LAST, LAST);
  if (exported.status !== 'ok') throw new Error(exported.status);
  const totals = new Map(exported.data.rows.filter((r) => r.rowType === 'province-total').map((r) => [r.isoWeek, r]));
  for (const w of trends) {
    const [y, n] = w.week.split('-W').map(Number);
    const want = await expected('12', { isoYear: y!, isoWeek: n! });
    seen.push(want);
    expect(pick(w), `trends 12 ${w.week}`).toEqual(want);
    expect(w.severityByField, `trends 12 ${w.week}`).toEqual(severityCoverage.get(`12 ${w.week}`));
    const total = totals.get(w.week);
    if (want.level !== 'no-data') expect(total, `export 12 ${w.week}`).toBeDefined();
    if (total) expect(total.settled, `export 12 ${w.week}`).toBe(want.settled);
  }
  return seen;
}

describe('one verdict reader: every consumer agrees with the rows judged one by one', () => {
  it('on the demo data as seeded', async () => {
    const seen = await compareEveryConsumer();
    expect(seen.some((v) => v.level === 'surge')).toBe(true);
    // the demo reports severity figures on some units only: the coverage compared is not all zeros
    expect([...severityCoverage.values()].some((c) => c.deaths! > 0)).toBe(true);
  });

  it('with rows missing (units that have not reported)', async () => {
    // An Giang and Đồng Nai (75): their own row and every seventh unit's row go missing; Lai Châu and Ninh Bình (37):
    // every other unit leaves oxygen blank (every unit reported, one figure incomplete)
    const weeks = [...SAMPLE, ...Array.from({ length: 52 }, (_, i) => addWeeks(LAST, -i))];
    const units = await db.prisma.adminUnit.findMany({
      where: { reports: true, provinceCode: { in: PROVINCES } },
      select: { id: true, kind: true, provinceCode: true },
      orderBy: { id: 'asc' },
    });
    const gone = units
      .filter((u, i) => ['91', '75'].includes(u.provinceCode) && (u.kind === 'province' || i % 7 === 0))
      .map((u) => u.id);
    const blank = units.filter((u, i) => ['12', '37'].includes(u.provinceCode) && i % 2 === 0).map((u) => u.id);
    for (const w of weeks) {
      const when = { isoYear: w.isoYear, isoWeek: w.isoWeek };
      await db.prisma.weeklyReport.deleteMany({ where: { unitId: { in: gone }, ...when } });
      await db.prisma.weeklyReport.updateMany({
        where: { unitId: { in: blank }, ...when },
        data: { oxygenAvg7d: null },
      });
    }
    // the dashboards' caches key on the province's data version: a write through the app bumps it, this one by hand
    for (const code of PROVINCES)
      await db.prisma.dataVersion.upsert({
        where: { provinceCode: code },
        create: { provinceCode: code, version: 1_000 },
        update: { version: { increment: 1 } },
      });
    const seen = await compareEveryConsumer();
    // the sample must hold what the rule is about: provisional verdicts, settled ones and unsettled ones
    expect(seen.some((v) => v.provisional)).toBe(true);
    expect(seen.some((v) => v.settled && v.level !== 'normal')).toBe(true);
    expect(seen.some((v) => !v.settled && v.level !== 'no-data')).toBe(true);
  });
});
