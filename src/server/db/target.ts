import path from 'node:path';
import { env } from '../env';
import type { DbTarget } from './connection';

/** DATABASE_URL (PostgreSQL) when set, else the embedded PGlite in DATA_DIR (default ./data). */
export function dbTargetFromEnv(): DbTarget {
  const e = env();
  if (e.databaseUrl) return { kind: 'postgres', url: e.databaseUrl };
  return { kind: 'embedded', dataDir: path.resolve(e.dataDir) };
}
