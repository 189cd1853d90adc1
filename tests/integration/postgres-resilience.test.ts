import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// On PostgreSQL (CI's second pass), the server may end an idle connection at any time: a restart, a failover, an
// administrator, idle_session_timeout. The app must go on with a new connection, not crash on an unhandled 'error'
// event of the pool (which Vitest would report as an uncaught exception and fail the run). Nothing to test on PGlite.

const server = process.env.DATABASE_URL;
let db: TestDatabase;

beforeAll(async () => {
  if (server) db = await createTestDatabase();
});
afterAll(async () => db?.destroy());

describe.skipIf(!server)('a PostgreSQL connection ended by the server', () => {
  it('is replaced: the next queries succeed and the app only logs a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await Promise.all([db.sql.query('SELECT 1'), db.prisma.user.count(), db.sql.query('SELECT 2')]); // idle connections in the pool
      if (db.target.kind !== 'postgres') throw new Error('expected a PostgreSQL test database');
      const database = decodeURIComponent(new URL(db.target.url).pathname.slice(1));
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      await admin.end();
      expect(rows[0]!.n).toBeGreaterThan(0);
      // one warning per ended connection: the pool drops each as its error arrives, and a query that raced an error
      // still on its way could be handed a dead connection (the next queries are those after the pool has noticed)
      const ended = () => warn.mock.calls.filter((c) => String(c[0]).includes('57P01')).length;
      await vi.waitFor(() => expect(ended()).toBeGreaterThanOrEqual(rows[0]!.n), { timeout: 5_000 });
      expect(await db.sql.query<{ v: number }>('SELECT 41 + 1 AS v')).toEqual([{ v: 42 }]);
      expect(await db.prisma.user.count()).toBe(0);
    } finally {
      warn.mockRestore();
    }
  });
});
