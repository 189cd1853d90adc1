import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '@/server/db/migrate';
import { seedIfEmpty, type SeedResult } from '@/server/seed';
import { ensureReferenceUnits, type ReferenceLoad } from '@/server/units/reference';
import { readProvinceVerdict } from '@/server/verdicts/read';
import {
  BEFORE_REFORM_MIGRATIONS,
  loadBeforeReformDemo,
  weeklyReportRows,
  type ReportRow,
} from '../support/before-reform';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// Issue 15, item 4: an installation from before the reform (a copy of the demo database as the code at 4c9ba9a seeded
// it, tests/support/before-reform.ts) upgrades the way start-up does it: applyMigrations, then seedIfEmpty, which loads
// the reference catalogues (ensureReferenceUnits) and seeds nothing because plans exist. Nothing stored is lost or
// rewritten: every report, every audit row; what named Kiên Giang by its code follows the unit, now `91~20250630`,
// while the code 91 goes to the new An Giang; Lai Châu 12 is the same unit throughout.

const NOW = new Date('2026-11-23T03:00:00Z');
const KG_END = '91~20250630';

let db: TestDatabase;
const rows = <T = Record<string, unknown>>(text: string, params?: unknown[]) => db.sql.query<T>(text, params);

interface Unit {
  id: number;
  code: string;
  gsoCode: string;
  name: string;
  kind: string;
  unitType: string | null;
  depth: number;
  path: string;
  provinceCode: string;
  parentId: number | null;
  reports: boolean;
  validFrom: string | null;
  validTo: string | null;
  reportsFrom: string | null;
  fromCatalogue: boolean;
  legacyAuditCode: string | null;
}
const UNIT_COLUMNS = `"id", "code", "gsoCode", "name", "kind", "unitType", "depth", "path", "provinceCode", "parentId",
  "reports", "validFrom"::text AS "validFrom", "validTo"::text AS "validTo", "reportsFrom"::text AS "reportsFrom",
  "fromCatalogue", "legacyAuditCode"`;
const unit = async (where: string, params: unknown[] = []) => {
  const found = await rows<Unit>(`SELECT ${UNIT_COLUMNS} FROM "AdminUnit" WHERE ${where} ORDER BY "id"`, params);
  expect(found, where).toHaveLength(1);
  return found[0]!;
};
const units = (where: string, params: unknown[] = []) =>
  rows<Unit>(`SELECT ${UNIT_COLUMNS} FROM "AdminUnit" WHERE ${where} ORDER BY "id"`, params);

/** Every audit row as stored, as text (jsonb's text form is canonical), so "unchanged" means byte for byte. */
const auditRows = () =>
  rows<Record<string, string | number | null>>(
    `SELECT "id", to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "at", "actorId", "actorLabel", "action", "targetType",
            "targetId", "provinceCode", "before"::text AS "before", "after"::text AS "after"
       FROM "AuditLog" ORDER BY "id"`,
  );
/** What a second start must leave alone: every unit row, succession link and catalogue change, as one digest. */
const treeChecksum = async () =>
  (
    await rows<{ units: string; links: string; changes: number; audit: number }>(
      `SELECT (SELECT md5(string_agg(u::text, '|' ORDER BY u."id")) FROM "AdminUnit" u) AS units,
              (SELECT md5(string_agg(s::text, '|' ORDER BY s."id")) FROM "UnitSuccession" s) AS links,
              (SELECT count(*)::int FROM "CatalogueChange") AS changes,
              (SELECT count(*)::int FROM "AuditLog") AS audit`,
    )
  )[0]!;
const users = () =>
  rows<{
    id: number;
    email: string;
    role: string;
    provinceCode: string | null;
    unitId: number | null;
    agencyId: number | null;
    active: boolean;
    sessionVersion: number;
    passwordHash: string;
  }>(
    `SELECT "id", "email", "role"::text AS role, "provinceCode", "unitId", "agencyId", "active", "sessionVersion",
            "passwordHash" FROM "User" ORDER BY "id"`,
  );
const plans = () =>
  rows<{ id: number; key: string; provinceCode: string | null }>(
    `SELECT "id", "key", "provinceCode" FROM "Plan" ORDER BY "id"`,
  );
const activations = () =>
  rows<{ id: number; provinceId: number; isoYear: number; isoWeek: number; status: string; tasks: number }>(
    `SELECT a."id", a."provinceId", a."isoYear", a."isoWeek", a."status"::text AS status,
            (SELECT count(*)::int FROM "ActivationTask" t WHERE t."activationId" = a."id") AS tasks
       FROM "Activation" a ORDER BY a."id"`,
  );

const before = {} as {
  reports: ReportRow[];
  audit: Awaited<ReturnType<typeof auditRows>>;
  units: Array<{ id: number; code: string; kind: string; provinceCode: string; parentId: number | null }>;
  users: Awaited<ReturnType<typeof users>>;
  plans: Awaited<ReturnType<typeof plans>>;
  activations: Awaited<ReturnType<typeof activations>>;
  dataVersions: Array<{ provinceCode: string; version: number }>;
};
let applied: string[];
let start: SeedResult;
let again: ReferenceLoad;
let afterFirstStart: Awaited<ReturnType<typeof treeChecksum>>;
let afterSecondStart: Awaited<ReturnType<typeof treeChecksum>>;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  await loadBeforeReformDemo(db.sql);
  // The demo copy has no DataVersion row (its reports were seeded, never saved) and audit rows naming Kiên Giang only;
  // an installation in use has both, for any province: these stand for them, written in the pre-reform schema.
  await db.sql.exec(
    `INSERT INTO "DataVersion" ("provinceCode", "version", "updatedAt")
       VALUES ('91', 7, '2026-11-20 02:00:00'), ('12', 3, '2026-11-19 02:00:00'), ('35', 1, '2026-11-18 02:00:00');
     INSERT INTO "AuditLog" ("at", "actorId", "actorLabel", "action", "targetType", "targetId", "provinceCode", "after")
       SELECT '2026-11-19 02:00:00.123', u."id", u."email", 'reports.saved', 'WeeklyReport', '2026-W46', '12',
              '{"units": ["106", "12"], "note": "Tuần 2026-W46 — Lai Châu"}'::jsonb
         FROM "User" u WHERE u."email" = 'nhaplieu.lc@demo.surgewatch.vn';`,
  );
  before.reports = await weeklyReportRows(db.sql);
  before.audit = await auditRows();
  before.units = await rows(`SELECT "id", "code", "kind", "provinceCode", "parentId" FROM "AdminUnit" ORDER BY "id"`);
  before.users = await users();
  before.plans = await plans();
  before.activations = await activations();
  before.dataVersions = await rows(`SELECT "provinceCode", "version" FROM "DataVersion" ORDER BY "provinceCode"`);

  // what start-up does (src/server/db.ts): migrate, then seedIfEmpty, which loads the reference units first
  applied = (await applyMigrations(db.sql)).applied;
  start = await seedIfEmpty(db.prisma, { demo: true, now: NOW });
  afterFirstStart = await treeChecksum();
  // and starting again
  again = await ensureReferenceUnits(db.prisma);
  afterSecondStart = await treeChecksum();
  const where = db.target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite in memory';
  console.log(
    `reform-migration: ensureReferenceUnits on the pre-reform demo (${where}): ` +
      `${start.reference.ms} ms for ${start.reference.units} new units; again: ${again.ms} ms (nothing to apply)`,
  );
}, 600_000);
afterAll(async () => {
  await db?.destroy();
});

describe('the 2025 reform on an installation from before it (copy of the demo database)', () => {
  it('applies every later migration, loads the reference units, and seeds nothing (plans exist)', async () => {
    const names = (await readMigrations()).map((m) => m.name);
    expect(applied).toEqual(names.filter((n) => !(BEFORE_REFORM_MIGRATIONS as readonly string[]).includes(n)));
    expect(applied).toContain('20261203183749_units_in_time');
    expect(start).toMatchObject({ seeded: false, units: 0, reports: 0, users: 0 });
    expect(start.reference.applied).toBe(true);
    // the 44 units of the demo were matched to the 2025-03-01 catalogue, not duplicated
    expect(start.reference.units).toBe(14_036 - 44);
    expect(await rows(`SELECT count(*)::int AS n FROM "AdminUnit"`)).toEqual([{ n: 14_036 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: before.users.length }]);
    expect(await rows(`SELECT count(*)::int AS n FROM "Plan"`)).toEqual([{ n: 3 }]);
  });

  it('keeps every report row: same figures, versions, unit ids, authors and times', async () => {
    const after = await weeklyReportRows(db.sql);
    expect(after).toHaveLength(2255);
    expect(after).toEqual(before.reports);
  });

  it('keeps every unit of the demo (same id and GSO code), now matched to the catalogue', async () => {
    const after = await rows<{ id: number; gsoCode: string; kind: string; fromCatalogue: boolean; parentId: number }>(
      `SELECT "id", "gsoCode", "kind", "fromCatalogue", "parentId" FROM "AdminUnit" WHERE "id" = ANY($1::int[])
        ORDER BY "id"`,
      [before.units.map((u) => u.id)],
    );
    expect(after).toEqual(
      before.units.map((u) => ({
        id: u.id,
        gsoCode: u.code,
        kind: u.kind,
        fromCatalogue: true,
        parentId: u.parentId,
      })),
    );
  });

  it('ends old Kiên Giang as 91~20250630; its districts, plan, users, data version, activation follow', async () => {
    const kgBefore = before.units.find((u) => u.kind === 'province' && u.code === '91')!;
    const kg = await unit(`"id" = $1`, [kgBefore.id]);
    expect(kg).toMatchObject({
      code: KG_END,
      gsoCode: '91',
      name: 'Tỉnh Kiên Giang',
      kind: 'province',
      path: KG_END,
      provinceCode: KG_END,
      parentId: null,
      validFrom: null,
      validTo: '2025-06-30',
      legacyAuditCode: '91',
    });

    const districts = await units(`"parentId" = $1 AND "kind" = 'district'`, [kg.id]);
    const districtsBefore = before.units.filter((u) => u.kind === 'district' && u.provinceCode === '91');
    expect(districtsBefore).toHaveLength(15);
    // the demo's 15 and no other: the 2025-03-01 catalogue lists the same 15 districts of Kiên Giang
    expect(districts.map((d) => d.id)).toEqual(districtsBefore.map((d) => d.id));
    for (const d of districts)
      expect(d).toMatchObject({
        code: d.gsoCode,
        path: `${KG_END}/${d.gsoCode}`,
        provinceCode: KG_END,
        validTo: '2025-06-30',
        reports: true,
        legacyAuditCode: d.gsoCode,
      });
    // its old communes (reporting nothing before the reform) follow it too, wherever their district is
    const oldCommunes = await units(`"provinceCode" = $1 AND "kind" = 'commune'`, [KG_END]);
    expect(oldCommunes.length).toBeGreaterThan(100);
    expect(oldCommunes.every((c) => c.validTo === '2025-06-30' && !c.reports && c.path.startsWith(`${KG_END}/`))).toBe(
      true,
    );

    expect((await plans()).find((p) => p.key === 'kien-giang')).toMatchObject({
      id: before.plans.find((p) => p.key === 'kien-giang')!.id,
      provinceCode: KG_END,
    });
    const kgUsers = before.users.filter((u) => u.provinceCode === '91');
    expect(kgUsers).toHaveLength(4);
    expect((await users()).filter((u) => kgUsers.some((k) => k.id === u.id))).toEqual(
      kgUsers.map((u) => ({
        ...u,
        provinceCode: KG_END,
        role: u.role === 'DISTRICT_OFFICER' ? 'LOCAL_OFFICER' : u.role,
      })),
    );
    expect(await rows(`SELECT "provinceCode", "version" FROM "DataVersion" ORDER BY "provinceCode"`)).toEqual(
      before.dataVersions
        // re-keyed with Kiên Giang, and moved on by both catalogue loads (cached unit facts are stale after one)
        .map((v) => ({ ...v, provinceCode: v.provinceCode === '91' ? KG_END : v.provinceCode, version: v.version + 2 }))
        .sort((a, b) => (a.provinceCode < b.provinceCode ? -1 : 1)),
    );
    // the open activation stays on the same unit row: it was Kiên Giang's, decided under Kiên Giang's plan
    expect(await activations()).toEqual(before.activations);
    expect(before.activations).toEqual([
      expect.objectContaining({ provinceId: kg.id, status: 'OPEN', isoYear: 2026, isoWeek: 48, tasks: 179 }),
    ]);
  });

  it('creates An Giang 91 from 01/07/2025 with its communes, successor of Kiên Giang and of An Giang 89', async () => {
    const anGiang = await unit(`"code" = '91'`);
    expect(before.units.some((u) => u.id === anGiang.id)).toBe(false);
    expect(anGiang).toMatchObject({
      gsoCode: '91',
      name: 'Tỉnh An Giang',
      kind: 'province',
      unitType: 'Tỉnh',
      path: '91',
      provinceCode: '91',
      parentId: null,
      validFrom: '2025-07-01',
      validTo: null,
      fromCatalogue: true,
      legacyAuditCode: null,
    });
    const communes = await units(`"provinceCode" = '91' AND "kind" = 'commune'`);
    expect(communes).toHaveLength(102);
    for (const c of communes) {
      expect(c).toMatchObject({ parentId: anGiang.id, depth: 1, path: `91/${c.code}`, validTo: null, reports: true });
      // new from the reform, or a commune that continued (same code and name) and reports from it
      expect(c.reportsFrom ?? c.validFrom).toBe('2025-07-01');
    }
    expect(await units(`"provinceCode" = '91' AND "kind" <> 'commune'`)).toEqual([anGiang]);

    const oldAnGiang = await unit(`"gsoCode" = '89' AND "kind" = 'province'`);
    expect(oldAnGiang).toMatchObject({ code: '89', name: 'Tỉnh An Giang', validFrom: null, validTo: '2025-06-30' });
    const kgId = before.units.find((u) => u.kind === 'province' && u.code === '91')!.id;
    expect(
      await rows(
        `SELECT "fromId", "share", "effectiveDate"::text AS "effectiveDate" FROM "UnitSuccession" WHERE "toId" = $1
          ORDER BY "fromId"`,
        [anGiang.id],
      ),
    ).toEqual([
      { fromId: kgId, share: 'full', effectiveDate: '2025-07-01' },
      { fromId: oldAnGiang.id, share: 'full', effectiveDate: '2025-07-01' },
    ]);
    expect(anGiang.id).toBeGreaterThan(oldAnGiang.id);
  });

  it('keeps Lai Châu 12 as one unit; its 8 districts end 30/06/2025, its 38 communes start 01/07/2025', async () => {
    const lcBefore = before.units.find((u) => u.kind === 'province' && u.code === '12')!;
    const lc = await unit(`"code" = '12'`);
    expect(lc).toMatchObject({
      id: lcBefore.id,
      gsoCode: '12',
      name: 'Tỉnh Lai Châu',
      path: '12',
      provinceCode: '12',
      validFrom: null,
      validTo: null,
      reportsFrom: null,
      legacyAuditCode: '12',
    });
    // the same unit continuing has no succession link to itself
    expect(await rows(`SELECT * FROM "UnitSuccession" WHERE $1 IN ("fromId", "toId")`, [lc.id])).toEqual([]);

    const districts = await units(`"provinceCode" = '12' AND "kind" = 'district'`);
    expect(districts.map((d) => d.code)).toEqual(['105', '106', '107', '108', '109', '110', '111', '112']);
    expect(districts.map((d) => d.id)).toEqual(
      before.units.filter((u) => u.kind === 'district' && u.provinceCode === '12').map((u) => u.id),
    );
    for (const d of districts)
      expect(d).toMatchObject({ parentId: lc.id, path: `12/${d.code}`, validFrom: null, validTo: '2025-06-30' });

    const communes = await units(`"provinceCode" = '12' AND "kind" = 'commune' AND "validTo" IS NULL`);
    expect(communes).toHaveLength(38);
    for (const c of communes) {
      expect(c).toMatchObject({ parentId: lc.id, depth: 1, path: `12/${c.code}`, reports: true });
      expect(c.reportsFrom ?? c.validFrom).toBe('2025-07-01');
    }
    // the old communes under the districts ended with them and never reported
    const oldCommunes = await units(`"provinceCode" = '12' AND "kind" = 'commune' AND "validTo" IS NOT NULL`);
    expect(oldCommunes.length).toBeGreaterThan(0);
    expect(oldCommunes.every((c) => c.validTo === '2025-06-30' && !c.reports && c.depth === 2)).toBe(true);

    expect((await plans()).find((p) => p.key === 'lai-chau')).toEqual(before.plans.find((p) => p.key === 'lai-chau'));
    const lcUsers = before.users.filter((u) => u.provinceCode === '12');
    expect(lcUsers).toHaveLength(4);
    expect((await users()).filter((u) => lcUsers.some((k) => k.id === u.id))).toEqual(
      lcUsers.map((u) => ({ ...u, role: u.role === 'DISTRICT_OFFICER' ? 'LOCAL_OFFICER' : u.role })),
    );
  });

  it('gives every unit a parent whose path and province handle its own follow', async () => {
    // a unit inserted or moved under a unit inserted in the same change must point at it, not at nothing
    expect(
      await rows(
        `SELECT u."code", u."kind", u."path", u."provinceCode", p."path" AS "parentPath",
                p."provinceCode" AS "parentProvince"
           FROM "AdminUnit" u LEFT JOIN "AdminUnit" p ON p."id" = u."parentId"
          WHERE CASE WHEN u."kind" = 'province'
                     THEN u."parentId" IS NOT NULL OR u."path" <> u."code" OR u."provinceCode" <> u."code"
                     ELSE p."id" IS NULL OR u."path" <> p."path" || '/' || u."code"
                          OR u."provinceCode" <> p."provinceCode" OR u."depth" <> p."depth" + 1 END
          ORDER BY u."id" LIMIT 5`,
      ),
    ).toEqual([]);
  });

  it('leaves every audit row as it was, the legacy ones attributable through legacyAuditCode', async () => {
    const after = await auditRows();
    expect(after.slice(0, before.audit.length)).toEqual(before.audit);
    expect(
      await rows(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "id" <= $1 AND "provinceId" IS NOT NULL`, [
        before.audit.at(-1)!.id,
      ]),
    ).toEqual([{ n: 0 }]);
    // what was added is the record of the two catalogue loads, nothing rewritten
    expect(after.slice(before.audit.length).map((a) => [a.actorLabel, a.action, a.targetId])).toEqual([
      ['system:reference-units', 'units.catalogue', 'base'],
      ['system:reference-units', 'units.catalogue', '2025-07-01'],
    ]);
    // each code the old rows name belongs to exactly one unit, the one they were written about
    const owners = await rows<{ code: string; owner: string; n: number }>(
      `SELECT a."provinceCode" AS code, min(u."code") AS owner, count(DISTINCT u."id")::int AS n
         FROM "AuditLog" a JOIN "AdminUnit" u ON u."legacyAuditCode" = a."provinceCode"
        WHERE a."provinceId" IS NULL AND a."id" <= $1 GROUP BY 1 ORDER BY 1`,
      [before.audit.at(-1)!.id],
    );
    expect(owners).toEqual([
      { code: '12', owner: '12', n: 1 },
      { code: '91', owner: KG_END, n: 1 },
    ]);
    expect((await unit(`"code" = '91'`)).legacyAuditCode).toBeNull();
    // only the units that existed before units had validity carry a legacy audit code
    expect(await rows(`SELECT count(*)::int AS n FROM "AdminUnit" WHERE "legacyAuditCode" IS NOT NULL`)).toEqual([
      { n: before.units.length },
    ]);
  });

  it('keeps the demo accounts scoped to Kiên Giang, on the ended unit, for an administrator to move', async () => {
    const scoped = await rows(
      `SELECT u."email", u."role"::text AS role, u."provinceCode", u."active", a."code" AS unit, a."path" AS "unitPath",
              a."validTo"::text AS "unitValidTo", g."code" AS agency, p."key" AS plan
         FROM "User" u LEFT JOIN "AdminUnit" a ON a."id" = u."unitId" LEFT JOIN "Agency" g ON g."id" = u."agencyId"
         LEFT JOIN "Plan" p ON p."id" = g."planId"
        WHERE u."provinceCode" = $1 ORDER BY u."id"`,
      [KG_END],
    );
    const none = { unit: null, unitPath: null, unitValidTo: null, agency: null, plan: null };
    expect(scoped).toEqual(
      [
        { email: 'nhaplieu.kg@demo.surgewatch.vn', role: 'PROVINCIAL_DATA_ENTRY', ...none },
        { email: 'lanhdao.kg@demo.surgewatch.vn', role: 'PROVINCIAL_LEADER', ...none },
        {
          email: 'huyen.rachgia@demo.surgewatch.vn',
          role: 'LOCAL_OFFICER',
          ...none,
          unit: '899',
          unitPath: `${KG_END}/899`,
          unitValidTo: '2025-06-30',
        },
        {
          email: 'soyte.kg@demo.surgewatch.vn',
          role: 'AGENCY_OFFICER',
          ...none,
          agency: 'so-y-te',
          plan: 'kien-giang',
        },
      ].map((u) => ({ ...u, provinceCode: KG_END, active: true })),
    );
    // nobody was moved to the new An Giang behind the administrator's back
    expect(await rows(`SELECT count(*)::int AS n FROM "User" WHERE "provinceCode" = '91'`)).toEqual([{ n: 0 }]);
  });

  it('changes nothing when it starts again', () => {
    expect(again).toMatchObject({ applied: false, units: 0 });
    expect(afterSecondStart).toEqual(afterFirstStart);
  });

  // ---------------------------------------------------------------------------------------------------------------
  // "No verdict of a new unit counts them" (issue 15, item 4): the verdicts of 2026-W47, read as every page reads them.
  const W47 = { isoYear: 2026, isoWeek: 47 };
  const storedIn = async (provinceCode: string, kind?: string) =>
    (
      await rows<{ n: number; cases: number | null }>(
        `SELECT count(*)::int AS n, sum(r."newCases")::int AS cases FROM "WeeklyReport" r
           JOIN "AdminUnit" u ON u."id" = r."unitId"
          WHERE u."provinceCode" = $1 AND r."isoYear" = 2026 AND r."isoWeek" = 47 ${kind ? `AND u."kind" = $2` : ''}`,
        kind ? [provinceCode, kind] : [provinceCode],
      )
    )[0]!;

  it("counts no district report of 2026 in Lai Châu's verdict: only what its communes and own row report", async () => {
    const districts = await storedIn('12', 'district');
    expect(districts.n).toBeGreaterThan(0);
    const week = (await readProvinceVerdict(db.prisma, '12', W47))!;
    expect(week.valid).toBe(true);
    // the districts' rows of that week are there, left out as reports under former units
    expect(week.legacy).toBe(districts.n);
    // expected: the 38 communes (cases, oxygen) and the province's own row (beds, ICU); no commune has reported
    expect(week.expectedByField).toEqual({ newCases: 38, oxygenAvg7d: 38, freeCovidBeds: 1, staffedIcuBeds: 1 });
    expect(week.byField.newCases).toBe(0);
    expect(week.byField.oxygenAvg7d).toBe(0);
    expect(week.counts.newCases ?? 0).toBe(0);
    // its own row kept the oxygen it reported before the upgrade: no longer its figure, in no sum
    expect(week.counts.oxygenAvg7d).toBeNull();
    // so nothing about this week is settled, whatever the districts' stored figures said
    expect(week.provisional).toBe(true);
  });

  it("counts nothing of Kiên Giang's in new An Giang's verdict; Kiên Giang's 2026 rows show on it, unjudged", async () => {
    const anGiang = (await readProvinceVerdict(db.prisma, '91', W47))!;
    expect(anGiang.valid).toBe(true);
    expect(anGiang.reported).toBe(0);
    expect(anGiang.legacy).toBe(0);
    expect(anGiang.counts.newCases ?? 0).toBe(0);
    expect(anGiang.level).not.toBe('surge');

    const stored = await storedIn(KG_END);
    expect(stored.n).toBeGreaterThan(0);
    const kienGiang = (await readProvinceVerdict(db.prisma, KG_END, W47))!;
    expect(kienGiang.valid).toBe(false);
    expect(kienGiang.level).toBe('no-data');
    expect(kienGiang.legacy).toBe(stored.n);
    expect(kienGiang.counts.newCases).toBe(stored.cases);
  });
});
