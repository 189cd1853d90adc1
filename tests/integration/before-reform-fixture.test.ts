import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '@/server/db/migrate';
import { BEFORE_REFORM_MIGRATIONS, loadBeforeReformDemo, weeklyReportRows } from '../support/before-reform';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// The facts of the world before issue 15 that its migration test relies on, checked on the loaded copy of the demo
// database (tests/fixtures/demo-before-reform.sql.gz), so a broken fixture or loader fails here and not there.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await loadBeforeReformDemo(db.sql);
});
afterAll(async () => {
  await db?.destroy();
});

const rows = <T = Record<string, unknown>>(text: string, params?: unknown[]) => db.sql.query<T>(text, params);

describe('the demo database before the 2025 reform (fixture)', () => {
  it('has the four provinces of 2023 and their districts, Lai Châu with 105..112', async () => {
    expect(
      await rows(`SELECT "code", "name", "depth", "path" FROM "AdminUnit" WHERE "kind" = 'province' ORDER BY "code"`),
    ).toEqual([
      { code: '12', name: 'Tỉnh Lai Châu', depth: 0, path: '12' },
      { code: '35', name: 'Tỉnh Hà Nam', depth: 0, path: '35' },
      { code: '70', name: 'Tỉnh Bình Phước', depth: 0, path: '70' },
      { code: '91', name: 'Tỉnh Kiên Giang', depth: 0, path: '91' },
    ]);
    expect(
      await rows(`SELECT "provinceCode", "kind", count(*)::int AS n FROM "AdminUnit" GROUP BY 1, 2 ORDER BY 1, 2 DESC`),
    ).toEqual([
      { provinceCode: '12', kind: 'province', n: 1 },
      { provinceCode: '12', kind: 'district', n: 8 },
      { provinceCode: '35', kind: 'province', n: 1 },
      { provinceCode: '35', kind: 'district', n: 6 },
      { provinceCode: '70', kind: 'province', n: 1 },
      { provinceCode: '70', kind: 'district', n: 11 },
      { provinceCode: '91', kind: 'province', n: 1 },
      { provinceCode: '91', kind: 'district', n: 15 },
    ]);
    const laiChau = await rows<{ code: string; path: string; parent: string }>(
      `SELECT d."code", d."path", p."code" AS parent FROM "AdminUnit" d JOIN "AdminUnit" p ON p."id" = d."parentId"
        WHERE d."kind" = 'district' AND d."provinceCode" = '12' ORDER BY d."code"`,
    );
    expect(laiChau.map((d) => d.code)).toEqual(['105', '106', '107', '108', '109', '110', '111', '112']);
    expect(laiChau.every((d) => d.parent === '12' && d.path === `12/${d.code}`)).toBe(true);
    expect(await rows(`SELECT count(*)::int AS n FROM "UnitPopulation"`)).toEqual([{ n: 44 }]);
  });

  it('holds 52 weeks of reports, 2025-W49 to 2026-W48, all at version 1', async () => {
    expect(
      await rows(
        `SELECT count(*)::int AS n, count(DISTINCT ("isoYear", "isoWeek"))::int AS weeks,
                min("isoYear" * 100 + "isoWeek")::int AS first, max("isoYear" * 100 + "isoWeek")::int AS last,
                max("version")::int AS "maxVersion", sum("newCases")::int AS "newCases",
                sum("oxygenAvg7d")::text AS oxygen
           FROM "WeeklyReport"`,
      ),
    ).toEqual([
      { n: 2255, weeks: 52, first: 202549, last: 202648, maxVersion: 1, newCases: 113_472, oxygen: '7619.39' },
    ]);
    // most of them (every district week after 2025-W26) were entered for districts that no longer existed
    expect(
      await rows(
        `SELECT u."provinceCode", u."kind", count(*)::int AS n FROM "WeeklyReport" r JOIN "AdminUnit" u ON u."id" = r."unitId"
          GROUP BY 1, 2 ORDER BY 1, 2 DESC`,
      ),
    ).toEqual([
      { provinceCode: '12', kind: 'province', n: 52 },
      { provinceCode: '12', kind: 'district', n: 410 },
      { provinceCode: '35', kind: 'province', n: 52 },
      { provinceCode: '35', kind: 'district', n: 304 },
      { provinceCode: '70', kind: 'province', n: 52 },
      { provinceCode: '70', kind: 'district', n: 566 },
      { provinceCode: '91', kind: 'province', n: 52 },
      { provinceCode: '91', kind: 'district', n: 767 },
    ]);
    const reports = await weeklyReportRows(db.sql);
    expect(reports).toHaveLength(2255);
    expect(reports[0]).toMatchObject({ id: 1, version: 1 });
  });

  it('has the ten demo accounts with their 2023 scopes', async () => {
    expect(
      await rows(
        `SELECT u."email", u."role"::text AS role, u."provinceCode", a."code" AS unit, g."code" AS agency, p."key" AS plan
           FROM "User" u LEFT JOIN "AdminUnit" a ON a."id" = u."unitId" LEFT JOIN "Agency" g ON g."id" = u."agencyId"
           LEFT JOIN "Plan" p ON p."id" = g."planId"
          WHERE u."isDemo" AND u."active" ORDER BY u."id"`,
      ),
    ).toEqual([
      { email: 'admin@demo.surgewatch.vn', role: 'ADMIN', provinceCode: null, unit: null, agency: null, plan: null },
      {
        email: 'lanhdao.quocgia@demo.surgewatch.vn',
        role: 'NATIONAL_LEADER',
        provinceCode: null,
        unit: null,
        agency: null,
        plan: null,
      },
      ...[
        ['nhaplieu.kg', 'PROVINCIAL_DATA_ENTRY', '91', null, null, null],
        ['lanhdao.kg', 'PROVINCIAL_LEADER', '91', null, null, null],
        ['huyen.rachgia', 'DISTRICT_OFFICER', '91', '899', null, null],
        ['soyte.kg', 'AGENCY_OFFICER', '91', null, 'so-y-te', 'kien-giang'],
        ['nhaplieu.lc', 'PROVINCIAL_DATA_ENTRY', '12', null, null, null],
        ['lanhdao.lc', 'PROVINCIAL_LEADER', '12', null, null, null],
        ['huyen.tamduong', 'DISTRICT_OFFICER', '12', '106', null, null],
        ['soyte.lc', 'AGENCY_OFFICER', '12', null, 'so-y-te', 'lai-chau'],
      ].map(([local, role, provinceCode, unit, agency, plan]) => ({
        email: `${local}@demo.surgewatch.vn`,
        role,
        provinceCode,
        unit,
        agency,
        plan,
      })),
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 10 }]);
  });

  it('has the plans by province code and the one open activation, Kiên Giang in 2026-W48', async () => {
    expect(await rows(`SELECT "key", "provinceCode" FROM "Plan" ORDER BY "id"`)).toEqual([
      { key: 'default', provinceCode: null },
      { key: 'kien-giang', provinceCode: '91' },
      { key: 'lai-chau', provinceCode: '12' },
    ]);
    expect(
      await rows(
        `SELECT u."code", a."isoYear", a."isoWeek", a."status"::text AS status,
                (SELECT count(*)::int FROM "ActivationTask" t WHERE t."activationId" = a."id") AS tasks
           FROM "Activation" a JOIN "AdminUnit" u ON u."id" = a."provinceId"`,
      ),
    ).toEqual([{ code: '91', isoYear: 2026, isoWeek: 48, status: 'OPEN', tasks: 179 }]);
  });

  it("records the old migrations as applied, unedited since, and continues the dump's sequences", async () => {
    const files = await readMigrations();
    expect(
      await rows(`SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL
                  AND "rolled_back_at" IS NULL ORDER BY "migration_name"`),
    ).toEqual(
      BEFORE_REFORM_MIGRATIONS.map((name) => ({
        migration_name: name,
        checksum: files.find((f) => f.name === name)!.checksum,
      })),
    );
    expect(
      await rows(`SELECT last_value::int AS n FROM "WeeklyReport_id_seq"
                  UNION ALL SELECT last_value::int FROM "AdminUnit_id_seq"
                  UNION ALL SELECT last_value::int FROM "User_id_seq"`),
    ).toEqual([{ n: 2255 }, { n: 44 }, { n: 10 }]);
  });

  // Issue 15's migration test (the lead's): load this fixture into a new database, take weeklyReportRows(), run
  // applyMigrations(sql) for the rest of prisma/migrations, then assert item 4 (every report row unchanged, the old
  // districts' weeks labelled legacy, no new unit's verdict counting them) and item 5 (the demo accounts' new scopes).
});
