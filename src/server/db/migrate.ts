import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sql } from './sql';

// Applies prisma/migrations/<name>/migration.sql in order, EACH INSIDE ONE TRANSACTION with its bookkeeping row, so a
// failing migration leaves the database exactly as it was (Prisma's own `migrate deploy` does not wrap PostgreSQL
// migrations in a transaction). It keeps Prisma's `_prisma_migrations` table and checksums, so Prisma's CLI could take
// over on a machine that has its native engine. docs/adr/0002-database-and-migrations.md

export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; it serialises migration runs of several app instances against one PostgreSQL database.
const LOCK_KEY = 72_946_311;

export async function applyMigrations(sql: Sql, migrations?: MigrationFile[]): Promise<MigrationReport> {
  const files = migrations ?? (await readMigrations());
  await sql.exec(BOOKKEEPING);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const file of files) {
    const ran = await sql.transaction(async (tx) => {
      // Serialises app instances migrating one PostgreSQL database at once; released at commit or rollback.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [row] = await tx.query<{ checksum: string; finished_at: Date | null }>(
        'SELECT checksum, finished_at FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL',
        [file.name],
      );
      if (row) {
        if (row.finished_at === null) {
          throw new MigrationError(
            `Migration ${file.name} was started but never finished; repair the database first.`,
            file.name,
          );
        }
        if (row.checksum !== file.checksum) {
          throw new MigrationError(
            `Migration ${file.name} was changed after it was applied; add a new migration instead of editing it.`,
            file.name,
          );
        }
        return false;
      }
      try {
        await tx.exec(file.sql);
      } catch (error) {
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back: ${(error as Error).message}`,
          file.name,
          {
            cause: error,
          },
        );
      }
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), file.checksum, file.name],
      );
      return true;
    });
    if (ran) applied.push(file.name);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
