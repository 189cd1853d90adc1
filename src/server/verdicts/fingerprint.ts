import 'server-only';
import { cache } from 'react';
import { getDatabase } from '@/server/db';

// What a cache key must change with: the province's DataVersion counter, bumped in the same transaction as every write
// that changes its figures (reports through the form, the import and the API; plan thresholds and populations through
// the admin pages). A province without a row is at version 0. One indexed read per request, shared by the layout and
// every widget (React `cache`). Read through the driver directly: this runs on every dashboard request, and the
// ORM's raw-query path costs two to three times the query itself here.

/** The province's data version, as a string for cache keys. */
export async function readProvinceFingerprint(provinceCode: string): Promise<string> {
  const { sql } = await getDatabase();
  const rows = await sql.query<{ v: number }>(
    'SELECT COALESCE((SELECT version FROM "DataVersion" WHERE "provinceCode" = $1), 0)::int AS v',
    [provinceCode],
  );
  return String(rows[0]?.v ?? 0);
}

/**
 * The whole country's fingerprint, for the national overview: the sum of the counters (each only grows) and their
 * number, so it moves whenever any province's does.
 */
export async function readNationalFingerprint(): Promise<string> {
  const { sql } = await getDatabase();
  const rows = await sql.query<{ s: number; n: number }>(
    'SELECT COALESCE(SUM(version), 0)::float8 AS s, COUNT(*)::int AS n FROM "DataVersion"',
  );
  return `${rows[0]?.s ?? 0}/${rows[0]?.n ?? 0}`;
}

/** Once per request (React `cache`): the layout's banner and the page's widgets share one read. */
export const provinceFingerprint = cache(readProvinceFingerprint);
export const nationalFingerprint = cache(readNationalFingerprint);
