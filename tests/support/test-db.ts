import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '@/server/db/connection';
import { applyMigrations } from '@/server/db/migrate';

// The one way tests, the end-to-end server and the benchmarks get a database, never the app's data folder: by default
// embedded PGlite (in memory, or in a temporary folder for a server started as a child process); when DATABASE_URL
// names a PostgreSQL server (CI's second run), a new database on that server. Each is dropped afterwards.

export type ThrowawayDatabase =
  | { kind: 'embedded'; dataDir: string | null; label: string; drop(): Promise<void> }
  | { kind: 'postgres'; url: string; label: string; drop(): Promise<void> };

/**
 * A new, empty database. `embedded: 'memory'` for a database opened in this process, 'folder' for one a child process
 * (the app) opens through DATA_DIR.
 */
export async function createThrowawayDatabase(
  prefix: string,
  options: { embedded: 'memory' | 'folder' },
): Promise<ThrowawayDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    if (options.embedded === 'memory')
      return { kind: 'embedded', dataDir: null, label: 'embedded PGlite', drop: async () => undefined };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}-`));
    return {
      kind: 'embedded',
      dataDir,
      label: 'embedded PGlite',
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    url: url.toString(),
    label: `PostgreSQL (${url.host})`,
    async drop() {
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      // pool.end() resolves before its connections are gone: wait for them (up to 5 s), so that FORCE below does not
      // terminate connections that are closing anyway
      for (let i = 0; i < 50; i++) {
        const { rows } = await a.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The environment that points a child process (the app) at a throw-away database. */
export function databaseEnv(database: ThrowawayDatabase): Record<string, string> {
  return database.kind === 'postgres'
    ? { DATABASE_URL: database.url }
    : { DATA_DIR: database.dataDir ?? '', DATABASE_URL: '' };
}

export interface TestDatabase extends Database {
  /** closes and drops the database */
  destroy(): Promise<void>;
}

/** A throw-away database opened in this process, migrated unless told otherwise. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const target = await createThrowawayDatabase('surgewatch_test', { embedded: 'memory' });
  const database =
    target.kind === 'postgres'
      ? await openDatabase({ kind: 'postgres', url: target.url })
      : await openDatabase({ kind: 'embedded', dataDir: null });
  if (options.migrate !== false) await applyMigrations(database.sql);
  return {
    ...database,
    async destroy() {
      await database.close();
      await target.drop();
    },
  };
}

/** Makes the app's db module (src/server/db.ts) use this database, so queries and actions run as in the app. */
export function useAsAppDatabase(database: Database): void {
  (globalThis as { __surgewatchDb?: Promise<Database> }).__surgewatchDb = Promise.resolve(database);
}
