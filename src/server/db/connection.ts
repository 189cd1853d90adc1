import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client';
import { acquireEmbeddedLock } from './embedded-lock';
import { pgliteSql, pgSql, type Sql } from './sql';

export type DbTarget =
  | { kind: 'embedded'; dataDir: string | null } // null: in memory (tests)
  | { kind: 'postgres'; url: string };

export interface Database {
  prisma: PrismaClient;
  sql: Sql;
  target: DbTarget;
  close(): Promise<void>;
}

export function describeTarget(target: DbTarget): string {
  if (target.kind === 'postgres') return `PostgreSQL at ${new URL(target.url).host}${new URL(target.url).pathname}`;
  return target.dataDir ? `embedded PGlite in ${target.dataDir}` : 'embedded PGlite in memory';
}

export async function openDatabase(target: DbTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection can be ended by the server (a restart, a failover, an administrator, idle_session_timeout).
    // node-postgres then drops it from the pool and emits 'error' on the pool: without a listener that is an uncaught
    // exception that takes the whole app down. The next query simply opens a new connection.
    pool.on('error', (error: Error & { code?: string }) => {
      console.warn(
        `SurgeWatch: PostgreSQL closed an idle connection (${error.code ?? 'no code'}: ${error.message}); the next query opens a new one.`,
      );
    });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      sql: pgSql(pool),
      target,
      async close() {
        await prisma.$disconnect();
        await pool.end().catch(() => undefined);
      },
    };
  }
  const release = target.dataDir ? acquireEmbeddedLock(target.dataDir) : () => undefined;
  try {
    const client = new PGlite(target.dataDir ? path.join(target.dataDir, 'pglite') : undefined);
    await client.waitReady;
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
    return {
      prisma,
      sql: pgliteSql(client),
      target,
      async close() {
        await prisma.$disconnect();
        // the process stays alive until PGlite itself is closed
        if (!client.closed) await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
