import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, readMigrations } from '@/server/db/migrate';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

const tables = async (d: TestDatabase) =>
  (
    await d.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    )
  ).map((r) => r.table_name);

describe('migration runner', () => {
  it('applies the committed migrations once, then finds nothing to do', async () => {
    db = await createTestDatabase({ migrate: false });
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const first = await applyMigrations(db.sql);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await applyMigrations(db.sql);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
    expect(await tables(db)).toEqual(
      expect.arrayContaining(['AdminUnit', 'WeeklyReport', 'PlanVersion', 'Agency', 'AuditLog', '_prisma_migrations']),
    );
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    db = await createTestDatabase();
    const before = await tables(db);
    const broken = {
      name: '99990101000000_broken',
      sql: 'CREATE TABLE "Half" (id int);\nINSERT INTO "Half" VALUES (1);\nALTER TABLE "AdminUnit" ADD COLUMN "x" int;\nSELECT * FROM "NoSuchTable";',
      checksum: 'x'.repeat(64),
    };
    const all = [...(await readMigrations()), broken];
    await expect(applyMigrations(db.sql, all)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(db.sql, all)).rejects.toThrow(/99990101000000_broken failed/);
    expect(await tables(db)).toEqual(before);
    const columns = await db.sql.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'AdminUnit' AND column_name = 'x'`,
    );
    expect(columns).toHaveLength(0);
    const rows = await db.sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]);
    expect(rows).toHaveLength(0);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    db = await createTestDatabase();
    const files = await readMigrations();
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'f'.repeat(64) } : f));
    await expect(applyMigrations(db.sql, edited)).rejects.toThrow(/changed after it was applied/);
  });
});
