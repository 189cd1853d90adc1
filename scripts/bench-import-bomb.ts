// `npm run bench:import-bomb`: decompression bombs against the production server (issue 11). Starts the production
// build on a throw-away database (a temporary embedded folder, or a new database on DATABASE_URL's server, dropped
// afterwards; its own port and NEXT_DIST_DIR, built if the sources changed), signs in as Lai Châu's data entry, and
// uploads each bomb of tests/fixtures/zip-bombs.ts alone and then two at once, while /api/health is asked every 20 ms
// and the server's resident memory is read from /proc. Prints, per bomb: the answer, the time to refusal, the peak RSS
// growth, and the health checks' latency meanwhile (max, p99). Targets: refused within 2 s, health within 100 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareBenchDatabase, signIn, waitForHealth } from './bench-server';
import { longCellBomb, redeclare, rowsBomb, sharedStringsBomb, wideBomb } from '../tests/fixtures/zip-bombs';
import { rssBytes, serverPids } from '../tests/support/server-process';

const PORT = Number(process.env.BENCH_PORT ?? 3311);
const DIST = process.env.NEXT_DIST_DIR || '.next-bench';
const BASE = `http://127.0.0.1:${PORT}`;
const NOW = '2026-11-23T03:00:00Z';
const ACCOUNT = 'nhaplieu.lc@demo.surgewatch.vn';
const PASSWORD = 'surgewatch-demo';
const TARGET_REFUSAL_MS = 2_000;
const TARGET_HEALTH_MS = 100;
const MB = 1024 * 1024;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] ?? 0;
};

interface Measure {
  name: string;
  statuses: number[];
  refusalMs: number;
  rssGrowthMb: number;
  healthMaxMs: number;
  healthP99Ms: number;
  healthChecks: number;
  healthFailures: number;
}

async function measure(name: string, files: Buffer[], cookie: string, pids: number[]): Promise<Measure> {
  const baseline = rssBytes(pids);
  let peak = baseline;
  let watching = true;
  const latencies: number[] = [];
  let failures = 0;
  const health = (async () => {
    while (watching) {
      const t0 = performance.now();
      const res = await fetch(`${BASE}/api/health`).catch(() => null);
      latencies.push(performance.now() - t0);
      if (res?.status !== 200) failures++;
      await res?.arrayBuffer().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pids))), 20);
  const t0 = performance.now();
  const answers = await Promise.all(
    files.map(async (body) => {
      const res = await fetch(`${BASE}/api/v1/reports/import?province=12`, {
        method: 'POST',
        headers: { cookie, origin: BASE, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(body),
      });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - t0 };
    }),
  );
  peak = Math.max(peak, rssBytes(pids));
  // a few more health checks after the refusal, then stop
  await new Promise((r) => setTimeout(r, 100));
  watching = false;
  clearInterval(sampler);
  await health;
  return {
    name,
    statuses: answers.map((a) => a.status),
    refusalMs: Math.max(...answers.map((a) => a.ms)),
    rssGrowthMb: (peak - baseline) / MB,
    healthMaxMs: Math.max(...latencies),
    healthP99Ms: p99(latencies),
    healthChecks: latencies.length,
    healthFailures: failures,
  };
}

async function main() {
  log('building the bombs…');
  const [rows, strings, wide, long] = await Promise.all([rowsBomb(), sharedStringsBomb(), wideBomb(), longCellBomb()]);
  const bombs: [string, Buffer][] = [
    ['rows, true sizes (the report’s bomb)', Buffer.from(rows)],
    ['rows, lying central directory', Buffer.from(redeclare(rows, 'xl/worksheets/sheet1.xml', 'tiny'))],
    [
      'rows, plausible size (read to the row limit)',
      Buffer.from(redeclare(rows, 'xl/worksheets/sheet1.xml', 'plausible')),
    ],
    ['shared strings, true sizes', Buffer.from(strings)],
    ['shared strings, plausible size', Buffer.from(redeclare(strings, 'xl/sharedStrings.xml', 'plausible'))],
    ['wide rows, plausible size', Buffer.from(redeclare(wide, 'xl/worksheets/sheet1.xml', 'plausible'))],
    ['one long cell, plausible size', Buffer.from(redeclare(long, 'xl/worksheets/sheet1.xml', 'plausible'))],
    [
      'CSV, 5 MB of empty lines',
      Buffer.from(
        'unit_code;iso_week;new_cases;oxygen_avg_7d;free_covid_beds;staffed_icu_beds' + '\n'.repeat(5 * MB - 80),
      ),
    ],
  ];

  const db = await prepareBenchDatabase('surgewatch_bench_bomb');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...db.env,
    PORT: String(PORT),
    NEXT_DIST_DIR: DIST,
    DEMO: '1',
    SURGEWATCH_NOW: NOW,
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123456789',
  };
  const logFile = path.join(os.tmpdir(), `surgewatch-bench-bomb-${process.pid}.log`);
  let server: ChildProcess | null = null;
  let ok = false;
  try {
    log(`starting the production build (${DIST}, port ${PORT}, ${db.label}; builds first if the sources changed)…`);
    const serverLog = fs.openSync(logFile, 'w');
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env,
      stdio: ['ignore', serverLog, serverLog],
    });
    await waitForHealth(BASE, server, 900_000).catch((error: unknown) => {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}; the server's output is in ${logFile}`,
      );
    });
    const cookie = await signIn(BASE, ACCOUNT, PASSWORD);
    const pids = serverPids(PORT);
    if (pids.length === 0) throw new Error(`no process listening on port ${PORT} found in /proc`);
    // load the importer once, so its first use is not what is measured
    await fetch(`${BASE}/api/v1/reports/import?province=12`, {
      method: 'POST',
      headers: { cookie, origin: BASE, 'content-type': 'text/csv' },
      body: 'unit_code,iso_week\n',
    });
    const startRss = rssBytes(pids);

    const results: Measure[] = [];
    for (const [name, bytes] of bombs) {
      log(`${name}: alone, then two at once…`);
      results.push(await measure(`${name} (${(bytes.length / MB).toFixed(2)} MB)`, [bytes], cookie, pids));
      results.push(await measure(`  two at once`, [bytes, bytes], cookie, pids));
    }
    // a third upload while two run is told to wait (429) rather than read
    const rowsPlausible = bombs[2]![1];
    results.push(
      await measure(
        'three at once (rows, plausible size)',
        [rowsPlausible, rowsPlausible, rowsPlausible],
        cookie,
        pids,
      ),
    );
    const endRss = rssBytes(pids);

    console.log(
      `\nImport bombs against the production server on ${db.label}; ${os.cpus().length} CPUs; server RSS ${(startRss / MB).toFixed(0)} MB at the start, ${(endRss / MB).toFixed(0)} MB at the end\n`,
    );
    console.log(
      '| bomb | answers | time to refusal (ms) | peak RSS growth (MB) | health max (ms) | health p99 (ms) | health checks |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(
        `| ${r.name} | ${r.statuses.join(', ')} | ${r.refusalMs.toFixed(0)} | ${r.rssGrowthMb.toFixed(0)} | ${r.healthMaxMs.toFixed(1)} | ${r.healthP99Ms.toFixed(1)} | ${r.healthChecks}${r.healthFailures ? ` (${r.healthFailures} failed)` : ''} |`,
      );
    }
    const checks: [string, boolean][] = [
      [
        'every bomb refused with 413 (or 429 for a third at once)',
        results.every((r) => r.statuses.every((s) => s === 413 || s === 429)),
      ],
      [`every refusal within ${TARGET_REFUSAL_MS} ms`, results.every((r) => r.refusalMs <= TARGET_REFUSAL_MS)],
      [
        `health within ${TARGET_HEALTH_MS} ms throughout (max)`,
        results.every((r) => r.healthMaxMs <= TARGET_HEALTH_MS),
      ],
      ['every health check answered 200', results.every((r) => r.healthFailures === 0)],
      ['peak RSS growth under 200 MB', results.every((r) => r.rssGrowthMb < 200)],
    ];
    console.log('');
    for (const [text, pass] of checks) console.log(`${pass ? 'PASS' : 'FAIL'}  ${text}`);
    ok = checks.every(([, pass]) => pass);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    await db.cleanup().catch(() => undefined);
    if (ok) fs.rmSync(logFile, { force: true });
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
