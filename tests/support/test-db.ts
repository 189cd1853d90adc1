import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@/server/db/connection';
import { applyMigrations } from '@/server/db/migrate';

// Every test file gets a database of its own and never the app's data folder: an in-memory PGlite by default, or,
// when DATABASE_URL names a PostgreSQL server (CI's second run), a new database on that server, dropped afterwards.

export interface TestDatabase extends Database {
  /** closes and, on PostgreSQL, drops the database */
  destroy(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let database: Database;
  let drop = async () => undefined as void;
  if (serverUrl) {
    const name = `surgewatch_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: url.toString() });
    drop = async () => {
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
    };
  } else {
    database = await openDatabase({ kind: 'embedded', dataDir: null });
  }
  if (options.migrate !== false) await applyMigrations(database.sql);
  return {
    ...database,
    async destroy() {
      await database.close();
      await drop();
    },
  };
}

/** Makes the app's db module (src/server/db.ts) use this database, so queries and actions run as in the app. */
export function useAsAppDatabase(database: Database): void {
  (globalThis as { __surgewatchDb?: Promise<Database> }).__surgewatchDb = Promise.resolve(database);
}
