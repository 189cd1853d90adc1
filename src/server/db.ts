import 'server-only';
import type { PrismaClient } from '@/generated/prisma/client';
import { openDatabase, type Database } from './db/connection';
import { applyMigrations } from './db/migrate';
import { dbTargetFromEnv } from './db/target';
import { env, now } from './env';
import { seedIfEmpty } from './seed';

// The one database module. The client is created on first use and held on globalThis: `next build` imports this module
// while collecting page data but never calls it, so the build never opens the embedded database.

const holder = globalThis as typeof globalThis & { __surgewatchDb?: Promise<Database> };

async function start(): Promise<Database> {
  const database = await openDatabase(dbTargetFromEnv());
  try {
    await applyMigrations(database.sql);
    const seeded = await seedIfEmpty(database.prisma, { demo: env().demo, now: now() });
    if (seeded.reference.applied)
      console.log(
        `SurgeWatch: loaded the reference units (${seeded.reference.units} units of the 2025-03-01 and 2025-07-01 ` +
          `catalogues) in ${(seeded.reference.ms / 1000).toFixed(1)} s`,
      );
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Opens, migrates and (on an empty database) seeds, once per process. */
export function getDatabase(): Promise<Database> {
  holder.__surgewatchDb ??= start().catch((error: unknown) => {
    holder.__surgewatchDb = undefined;
    throw error;
  });
  return holder.__surgewatchDb;
}

export async function db(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.__surgewatchDb;
  holder.__surgewatchDb = undefined;
  if (pending) await (await pending).close();
}
