/**
 * Import benchmark: a 10,000-row CSV (Excel in Vietnam's format: BOM, semicolons, decimal commas) parsed, validated with
 * the shared schema and the save checks, and committed in one transaction, through the same importReports the page and
 * the API use.
 *
 *   npm run bench:import [-- --rows 10000 --rounds 3]
 *
 * Runs on the embedded database (in-memory PGlite) and, when DATABASE_URL is set, on a throw-away database on that
 * PostgreSQL server: a first import (creates most reports, updates the 52 demo weeks), then rounds of a re-import of the
 * same file (nothing changes) and an import changing every district row (updates). Target: every import ≤ 3 s.
 */
import { spawnSync } from 'node:child_process';

// Server modules start with `import 'server-only'`, which only resolves outside client bundles under the react-server
// condition: run this script again under it.
if (!process.execArgv.includes('--conditions=react-server')) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}

const NOW = '2026-11-23T03:00:00Z';
process.env.SURGEWATCH_NOW = NOW;
process.env.DEMO = '1';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`--${name} must be a whole number > 0`);
  return v;
}
const ROWS = arg('rows', 10_000);
const ROUNDS = arg('rounds', 3);
const TARGET_MS = 3_000;

const { createTestDatabase, useAsAppDatabase } = await import('../tests/support/test-db');
const { seedIfEmpty } = await import('../src/server/seed');
const { importReports } = await import('../src/server/reports/import/import');
const { buildBigCsv } = await import('../tests/fixtures/big-csv');

const LC = { provinceCode: '12', districts: ['105', '106', '107', '108', '109', '110', '111', '112'] };

async function bench(label: string, serverUrl: string | undefined): Promise<boolean> {
  const saved = process.env.DATABASE_URL;
  if (serverUrl) process.env.DATABASE_URL = serverUrl;
  else delete process.env.DATABASE_URL;
  const db = await createTestDatabase();
  if (saved) process.env.DATABASE_URL = saved;
  let ok = true;
  try {
    await seedIfEmpty(db.prisma, { demo: true, now: new Date(NOW) });
    useAsAppDatabase(db);
    const row = await db.prisma.user.findUniqueOrThrow({
      where: { email: 'nhaplieu.lc@demo.surgewatch.vn' },
      select: { id: true, email: true, name: true, role: true, provinceCode: true, unitId: true, agencyId: true },
    });
    const user = { ...row, role: row.role as 'PROVINCIAL_DATA_ENTRY' };
    console.log(`\n${label}`);
    const file = buildBigCsv({ ...LC, last: { isoYear: 2026, isoWeek: 47 }, rows: ROWS });
    const bytes = new TextEncoder().encode(file.text);
    const reportsBefore = await db.prisma.weeklyReport.count();
    const auditRows = () => db.prisma.auditLog.count({ where: { targetType: 'WeeklyReport' } });
    const time = async (what: string, data: Uint8Array) => {
      const before = await auditRows();
      const t0 = performance.now();
      const out = await importReports(user, '12', data, { confirmWarnings: true });
      const ms = performance.now() - t0;
      if (out.status !== 'saved') throw new Error(`${what}: ${out.status} ${JSON.stringify(out).slice(0, 300)}`);
      const audited = (await auditRows()) - before;
      console.log(
        `  ${what.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms  (${out.created} created, ${out.updated} updated, ${out.unchanged} unchanged; ${audited} audit rows)`,
      );
      if (ms > TARGET_MS) ok = false;
      return out;
    };
    console.log(
      `  file: ${ROWS.toLocaleString('en')} rows, ${(bytes.byteLength / 1024).toFixed(0)} KB (BOM, semicolons, decimal commas)`,
    );
    await time('first import', bytes);
    console.log(`  ${(await db.prisma.weeklyReport.count()) - reportsBefore} reports created`);
    let current = bytes;
    for (let round = 1; round <= ROUNDS; round++) {
      await time(`round ${round}: same file again`, current);
      // every district's cases move by one: an update of each of those rows (the province rows report no cases)
      current = new TextEncoder().encode(
        file.text.replace(/;(\d+);(\d+,\d+);/g, (_m, c: string, o: string) => `;${Number(c) + round};${o};`),
      );
      await time(`round ${round}: every district row changed`, current);
    }
  } finally {
    await db.destroy();
  }
  return ok;
}

console.log(
  `Import benchmark: ${ROWS.toLocaleString('en')} rows, ${ROUNDS} rounds, target ≤ ${TARGET_MS} ms per import`,
);
const results = [await bench('Embedded database (PGlite, in memory)', undefined)];
if (process.env.DATABASE_URL)
  results.push(await bench(`PostgreSQL (${new URL(process.env.DATABASE_URL).host})`, process.env.DATABASE_URL));
else console.log('\n(set DATABASE_URL to a PostgreSQL server to measure it too)');
const pass = results.every(Boolean);
console.log(pass ? '\nPASS: every import within the target' : '\nFAIL: an import took longer than the target');
process.exit(pass ? 0 : 1);
