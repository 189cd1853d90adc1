import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { applyMigrations, readMigrations } from '@/server/db/migrate';
import type { Sql } from '@/server/db/sql';

// Issue 15: the reform's migration is tested on a copy of the demo database as it was before it. The copy is a data-only
// dump (tests/fixtures/demo-before-reform.sql.gz, made as scripts/make-before-reform-fixture.md says) of what the code at
// commit 4c9ba9a seeded; it fits only the schema of the migrations that existed then, so those are applied first.

export const BEFORE_REFORM_FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'demo-before-reform.sql.gz');

/** The migrations the dump was taken after, in order. The dump's own _prisma_migrations rows name exactly these. */
export const BEFORE_REFORM_MIGRATIONS = [
  '20261123135734_init',
  '20261123141732_tokens_data_version_sign_in',
  '20261203063511_api_token_scope',
  '20261203064008_sign_in_attempt_ip_index',
  '20261203121955_activation_proposals',
  '20261203153504_severity_figures',
  '20261203154000_plan_wording',
] as const;

let dumpText: Promise<string> | undefined;
function dump(): Promise<string> {
  dumpText ??= readFile(BEFORE_REFORM_FIXTURE).then((gz) => gunzipSync(gz).toString('utf8'));
  return dumpText;
}

/**
 * Fills an empty database (PGlite or PostgreSQL) with the pre-reform demo: the pre-reform migrations, then the dump. The
 * rest of prisma/migrations is left for the caller (`applyMigrations(sql)`), which is what the reform's test exercises.
 */
export async function loadBeforeReformDemo(sql: Sql): Promise<void> {
  const all = await readMigrations();
  const files = BEFORE_REFORM_MIGRATIONS.map((name) => {
    const file = all.find((f) => f.name === name);
    // a renamed or removed old migration would silently give the dump a schema it was not taken from
    if (!file) throw new Error(`prisma/migrations/${name} is missing: the before-reform fixture needs it`);
    return file;
  });
  await applyMigrations(sql, files);
  const script = await dump();
  await sql.transaction(async (tx) => {
    // The dump brings the bookkeeping rows of the database it was taken from (their ids, times and checksums): an
    // installation's history rather than this run's, so a later applyMigrations also checks the old files are unedited.
    await tx.exec('DELETE FROM "_prisma_migrations"');
    await tx.exec(script);
  });
}

export interface ReportRow {
  id: number;
  unitId: number;
  isoYear: number;
  isoWeek: number;
  newCases: number | null;
  oxygenAvg7d: string | null;
  freeCovidBeds: number | null;
  staffedIcuBeds: number | null;
  totalCovidBeds: number | null;
  totalIcuBeds: number | null;
  deaths: number | null;
  newAdmissions: number | null;
  severeCases: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdById: number | null;
  updatedById: number | null;
}

/**
 * Every WeeklyReport row with the columns the dump has, in id order, numbers and times as text so PGlite and
 * node-postgres give identical values: take it before and after a migration to show no row or figure changed.
 */
export function weeklyReportRows(sql: Sql): Promise<ReportRow[]> {
  return sql.query<ReportRow>(
    `SELECT "id", "unitId", "isoYear", "isoWeek", "newCases", "oxygenAvg7d"::text AS "oxygenAvg7d", "freeCovidBeds",
            "staffedIcuBeds", "totalCovidBeds", "totalIcuBeds", "deaths", "newAdmissions", "severeCases", "version",
            to_char("createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "createdAt",
            to_char("updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "updatedAt", "createdById", "updatedById"
       FROM "WeeklyReport" ORDER BY "id"`,
  );
}
