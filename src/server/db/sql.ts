import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/** The little SQL surface the migration runner and the seed's bulk paths need, over PGlite or node-postgres. */
export interface Sql {
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export function pgliteSql(db: PGlite | Transaction): Sql {
  return {
    async exec(script) {
      await db.exec(script);
    },
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params)).rows;
    },
    transaction(fn) {
      if (!('transaction' in db)) return fn(pgliteSql(db));
      return db.transaction((tx) => fn(pgliteSql(tx)));
    },
  };
}

export function pgSql(pool: pg.Pool | pg.PoolClient, inTransaction = false): Sql {
  return {
    async exec(script) {
      await pool.query(script);
    },
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction(fn) {
      if (inTransaction) return fn(pgSql(pool, true));
      const client = 'release' in pool ? pool : await (pool as pg.Pool).connect();
      try {
        await client.query('BEGIN');
        const result = await fn(pgSql(client, true));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        if (client !== pool) (client as pg.PoolClient).release();
      }
    },
  };
}
