import { afterEach, describe, expect, it } from 'vitest';
import { PLANS } from '@/lib/surge';
import { applyMigrations, readMigrations } from '@/server/db/migrate';
import { seedIfEmpty } from '@/server/seed';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// Issue 14, "the plans' words": a database seeded before the migration holds the old built-in references; the
// migration rewrites exactly those, never a text written differently, and audits each change. A new database gets
// the new text from the seed.

const MIGRATION = '20261203154000_plan_wording';
const OLD = {
  'kien-giang': 'Công văn 3840/SYT-NVYD (11/2023) của Sở Y tế tỉnh Kiên Giang, Phụ lục, mục II.2',
  'lai-chau': 'Kế hoạch số …/KH-UBND ngày …/12/2023 của UBND tỉnh Lai Châu, Phụ lục, mục II.2',
};
// What the migration writes, frozen with it (a later edit of PLANS must not change what this migration did)
const NEW = {
  'kien-giang':
    'Công văn 3840/SYT-NVYD (11/2023) của Sở Y tế tỉnh Kiên Giang gửi dự thảo Kế hoạch để góp ý (hạn 17/11/2023), ' +
    'Phụ lục, mục II.2',
  'lai-chau':
    'Kế hoạch số /KH-UBND ngày /12/2023 của UBND tỉnh Lai Châu (số và ngày để trống trong văn bản), theo đề nghị của ' +
    'Sở Y tế tại Tờ trình số 227/TTr-SYT ngày 01/12/2023, Phụ lục, mục II.2',
};
const OLD_COMMITTEE = 'Uỷ ban nhân dân các huyện, thành phố';
const NEW_COMMITTEE = 'Ủy ban nhân dân các huyện, thành phố';
const COMMITTEE_CODE = 'uy-ban-nhan-dan-cac-huyen-thanh-pho';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

describe(`migration ${MIGRATION}`, () => {
  it('rewrites the rows still holding the old built-in text, leaves edited ones, and audits each change', async () => {
    db = await createTestDatabase({ migrate: false });
    const files = await readMigrations();
    const at = files.findIndex((f) => f.name === MIGRATION);
    expect(at).toBeGreaterThan(0);
    await applyMigrations(db.sql, files.slice(0, at));

    const plan = async (key: string, code: string | null, source: string) =>
      (
        await db!.sql.query<{ id: number }>(
          `INSERT INTO "Plan" ("key", "provinceCode", "name", "sourceDocument") VALUES ($1, $2, $3, $4) RETURNING id`,
          [key, code, `Kế hoạch ${key}`, source],
        )
      )[0]!.id;
    const agency = (planId: number, order: number, code: string, name: string) =>
      db!.sql.query(`INSERT INTO "Agency" ("planId", "order", "code", "name") VALUES ($1, $2, $3, $4)`, [
        planId,
        order,
        code,
        name,
      ]);
    const kg = await plan('kien-giang', '91', OLD['kien-giang']);
    // someone corrected this one by hand: not the built-in text any more, so it stays
    const edited = `${OLD['lai-chau']} (đã đối chiếu bản gốc)`;
    const lc = await plan('lai-chau', '12', edited);
    const own = await plan('province-35', '35', OLD['kien-giang']); // the same text on another plan: not built in
    await agency(kg, 24, COMMITTEE_CODE, OLD_COMMITTEE);
    await agency(lc, 16, COMMITTEE_CODE, 'Ủy ban nhân dân các huyện, thành phố (tên đã sửa)');
    await agency(own, 1, COMMITTEE_CODE, OLD_COMMITTEE);

    const result = await applyMigrations(db.sql, files);
    expect(result.applied[0]).toBe(MIGRATION);

    const plans = await db.sql.query<{ key: string; sourceDocument: string }>(
      `SELECT "key", "sourceDocument" FROM "Plan" ORDER BY "key"`,
    );
    expect(plans).toEqual([
      { key: 'kien-giang', sourceDocument: NEW['kien-giang'] },
      { key: 'lai-chau', sourceDocument: edited },
      { key: 'province-35', sourceDocument: OLD['kien-giang'] },
    ]);
    const agencies = await db.sql.query<{ planId: number; name: string }>(
      `SELECT "planId", "name" FROM "Agency" ORDER BY "planId"`,
    );
    expect(agencies).toEqual([
      { planId: kg, name: NEW_COMMITTEE },
      { planId: lc, name: 'Ủy ban nhân dân các huyện, thành phố (tên đã sửa)' },
      { planId: own, name: OLD_COMMITTEE },
    ]);

    const audit = await db.sql.query<{ targetType: string; targetId: string; before: unknown; after: unknown }>(
      `SELECT "actorLabel", "action", "targetType", "targetId", "provinceCode", "before", "after" FROM "AuditLog"
       ORDER BY "targetType" DESC`,
    );
    expect(audit).toEqual([
      {
        actorLabel: 'system:migration',
        action: 'plan.wording-updated',
        targetType: 'Plan',
        targetId: String(kg),
        provinceCode: '91',
        before: { sourceDocument: OLD['kien-giang'] },
        after: { sourceDocument: NEW['kien-giang'] },
      },
      {
        actorLabel: 'system:migration',
        action: 'plan.wording-updated',
        targetType: 'Agency',
        targetId: expect.any(String),
        provinceCode: '91',
        before: { name: OLD_COMMITTEE },
        after: { name: NEW_COMMITTEE },
      },
    ]);
  });

  it('rewrites the Lai Châu reference too, and the seed of a new database writes the new text', async () => {
    db = await createTestDatabase({ migrate: false });
    const files = await readMigrations();
    await applyMigrations(
      db.sql,
      files.slice(
        0,
        files.findIndex((f) => f.name === MIGRATION),
      ),
    );
    await db.sql.query(
      `INSERT INTO "Plan" ("key", "provinceCode", "name", "sourceDocument") VALUES ('lai-chau', '12', 'x', $1)`,
      [OLD['lai-chau']],
    );
    await applyMigrations(db.sql, files);
    const [row] = await db.sql.query<{ sourceDocument: string }>(`SELECT "sourceDocument" FROM "Plan"`);
    expect(row!.sourceDocument).toBe(NEW['lai-chau']);
    expect(row!.sourceDocument).not.toContain('…');

    const fresh = await createTestDatabase();
    try {
      await seedIfEmpty(fresh.prisma, { demo: false, now: new Date('2026-11-23T03:00:00Z') });
      const seeded = await fresh.prisma.plan.findMany({ select: { key: true, sourceDocument: true } });
      for (const p of seeded) expect(p.sourceDocument).toBe(PLANS[p.key as keyof typeof PLANS].sourceDocument);
      const committees = await fresh.prisma.agency.findMany({
        where: { code: COMMITTEE_CODE },
        select: { name: true },
      });
      expect(committees.map((c) => c.name)).toEqual([NEW_COMMITTEE, NEW_COMMITTEE]);
      expect(await fresh.prisma.auditLog.count({ where: { action: 'plan.wording-updated' } })).toBe(0);
    } finally {
      await fresh.destroy();
    }
  });
});
