// `npm run bench:dashboard [-- --communes] [-- --duration 10] [-- --json out.json]`: the dashboards at national scale.
// Seeds a database of its own with scripts/seed-national.ts (a temporary embedded folder, or, when DATABASE_URL names
// a PostgreSQL server, a new database on it, dropped afterwards), starts the production build on it (its own port and
// NEXT_DIST_DIR, built if the sources changed), signs in through next-auth's credentials endpoint, and measures side by
// side: the province page, the national overview, a bare dynamic page of the same app (/floor: no database), the same
// line inside the signed-in layout (/floor-signed-in: session check, header, navigation) and a static file. Sequential
// median and p95, then requests/s at 10 and 50 connections (autocannon), and the gzip size of the JavaScript each page
// ships; then the bare page padded with 0 to 100 KB of text, for what size alone costs. Targets: the province page's
// median ≤ 2 × the bare page's, its requests/s ≥ half the bare page's, no errors.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { DEMO_EMAILS } from '../src/server/seed/demo-accounts';
import { prepareBenchDatabase, signIn, waitForHealth } from './bench-server';

// autocannon ships no types; the little of its API used here
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Promise<AutocannonResult>;

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const DURATION = Number(option('--duration', '10'));
const SEQUENTIAL = Number(option('--requests', '300'));
const PORT = Number(process.env.BENCH_PORT ?? option('--port', '3310'));
const DIST = process.env.NEXT_DIST_DIR || '.next-bench';
const NOW = '2026-11-23T03:00:00Z';
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'surgewatch-demo';
const communes = args.includes('--communes');

interface Target {
  name: string;
  path: string;
  account: string | null;
}
const TARGETS: Target[] = [
  { name: 'province page', path: '/provinces/91', account: DEMO_EMAILS.leaderKG },
  { name: 'national overview', path: '/national', account: DEMO_EMAILS.national },
  { name: 'bare dynamic page', path: '/floor', account: DEMO_EMAILS.leaderKG },
  // not a target of the issue's: what every signed-in page pays before its own content (session check, header, navigation)
  { name: 'signed-in bare page', path: '/floor-signed-in', account: DEMO_EMAILS.leaderKG },
  { name: 'static file', path: '/bench-static.txt', account: null },
];

function log(line: string) {
  process.stderr.write(`bench: ${line}\n`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(urlPath: string, cookie: string | null): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(`${BASE}${urlPath}`, { agent, headers: cookie ? { cookie } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function sequential(t: Target, cookie: string | null) {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < SEQUENTIAL; i++) {
    const r = await get(t.path, cookie);
    if (r.status !== 200) errors++;
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), errors };
}

async function load(t: Target, cookie: string | null, connections: number) {
  const result = await autocannon({
    url: `${BASE}${t.path}`,
    connections,
    duration: DURATION,
    headers: cookie ? { cookie } : {},
  });
  return {
    rps: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** The JavaScript a page makes the browser load: every /_next/static/…js the HTML and its inline RSC payload name. */
async function shippedJs(t: Target, cookie: string | null): Promise<{ files: number; raw: number; gzip: number }> {
  const html = (await get(t.path, cookie)).body;
  const urls = new Set(html.match(/\/_next\/static\/[^"'\s\\]+?\.js/g) ?? []);
  let raw = 0;
  let gzip = 0;
  for (const u of urls) {
    const body = Buffer.from((await get(u, null)).body, 'utf8');
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files: urls.size, raw, gzip };
}

async function main() {
  const db = await prepareBenchDatabase('surgewatch_bench');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...db.env,
    PORT: String(PORT),
    NEXT_DIST_DIR: DIST,
    SURGEWATCH_NOW: NOW,
    SURGEWATCH_BENCH: '1', // /floor?pad=N answers with N KB of text only then
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123456789',
  };
  let server: ChildProcess | null = null;
  const logFile = path.join(os.tmpdir(), `surgewatch-bench-${process.pid}.log`);
  let keepLog = true;
  try {
    log(`seeding national-scale synthetic data into ${db.label}${communes ? ' (commune-level tree)' : ''}…`);
    const seeded = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/seed-national.ts', ...(communes ? ['--communes'] : [])],
      { env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (seeded.status !== 0) throw new Error('seed:national failed');

    log(`starting the production build (${DIST}, port ${PORT}; builds first if the sources changed)…`);
    const serverLog = fs.openSync(logFile, 'w');
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env,
      stdio: ['ignore', serverLog, serverLog],
    });
    await waitForHealth(BASE, server, 600_000).catch((error: unknown) => {
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}; the server's output is in ${logFile}`,
      );
    });

    const cookies = new Map<string, string>();
    for (const t of TARGETS)
      if (t.account && !cookies.has(t.account)) cookies.set(t.account, await signIn(BASE, t.account, PASSWORD));
    const cookieOf = (t: Target) => (t.account ? cookies.get(t.account)! : null);

    /** The first answer, then 30 more to warm the JIT and the caches. */
    const warmUp = async (t: Target) => {
      const first = await get(t.path, cookieOf(t));
      for (let i = 0; i < 30; i++) await get(t.path, cookieOf(t));
      log(`measuring ${t.name} (${t.path})…`);
      return first;
    };

    const rows = [];
    for (const t of TARGETS) {
      const first = await warmUp(t);
      if (first.status !== 200) throw new Error(`${t.path} answered ${first.status}`);
      const seq = await sequential(t, cookieOf(t));
      const c10 = await load(t, cookieOf(t), 10);
      const c50 = await load(t, cookieOf(t), 50);
      const js = t.path.endsWith('.txt') ? null : await shippedJs(t, cookieOf(t));
      rows.push({
        target: t.name,
        path: t.path,
        firstMs: first.ms,
        htmlBytes: Buffer.byteLength(first.body),
        ...seq,
        rps10: c10.rps,
        rps50: c50.rps,
        loadErrors: c10.errors + c50.errors,
        p99at50: c50.p99,
        js,
      });
    }

    // What the size of a page alone costs here: the bare page with N KB of text (the province page's HTML is ~75 KB)
    const padded: Array<{ kb: number; bytes: number; rps: number; errors: number }> = [];
    for (const kb of [0, 25, 50, 100]) {
      const t: Target = { name: `bare page + ${kb} KB`, path: `/floor?pad=${kb}`, account: TARGETS[2]!.account };
      const first = await warmUp(t);
      const c10 = await load(t, cookieOf(t), 10);
      // the page ignores ?pad without SURGEWATCH_BENCH=1: an answer without the padding is an error, not a measurement
      const bytes = Buffer.byteLength(first.body);
      padded.push({
        kb,
        bytes,
        rps: c10.rps,
        errors: c10.errors + (first.status === 200 && bytes >= kb * 1024 ? 0 : 1),
      });
    }

    const [province, national, floor, signedInFloor] = rows;
    const fmt = (n: number, d = 1) => n.toFixed(d);
    console.log(
      `\nSurgeWatch dashboards on ${db.label}, ${communes ? 'commune-level tree' : '63 provinces / ~700 districts'}, 156 weeks; ${os.cpus().length} CPUs, ${SEQUENTIAL} sequential requests, autocannon ${DURATION} s\n`,
    );
    console.log(
      '| page | first (ms) | median (ms) | p95 (ms) | req/s @10 | req/s @50 | p99 @50 (ms) | errors | JS gzip (KB) |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(
        `| ${r.target} \`${r.path}\` | ${fmt(r.firstMs)} | ${fmt(r.median, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.rps10, 0)} | ${fmt(r.rps50, 0)} | ${r.p99at50} | ${r.errors + r.loadErrors} | ${r.js ? `${fmt(r.js.gzip / 1024)} (${r.js.files} files)` : '—'} |`,
      );
    }
    console.log('\n| bare page with padding | HTML (KB) | req/s @10 | ms per request |');
    console.log('|---|---:|---:|---:|');
    for (const p of padded)
      console.log(`| +${p.kb} KB | ${fmt(p.bytes / 1024)} | ${fmt(p.rps, 0)} | ${fmt(1000 / p.rps, 2)} |`);
    const [p0, pMax] = [padded[0]!, padded[padded.length - 1]!];
    const perKb = (1000 / pMax.rps - 1000 / p0.rps) / ((pMax.bytes - p0.bytes) / 1024);
    console.log(
      `Size alone: ${fmt(perKb, 3)} ms of server time per KB of HTML (one request at a time would take that on one core)`,
    );
    const checks = [
      [
        `province median ${fmt(province!.median, 2)} ms ≤ 2 × bare ${fmt(floor!.median, 2)} ms`,
        province!.median <= 2 * floor!.median,
      ],
      [
        `province req/s @10 ${fmt(province!.rps10, 0)} ≥ ½ × bare ${fmt(floor!.rps10, 0)}`,
        province!.rps10 >= floor!.rps10 / 2,
      ],
      [
        `province req/s @50 ${fmt(province!.rps50, 0)} ≥ ½ × bare ${fmt(floor!.rps50, 0)}`,
        province!.rps50 >= floor!.rps50 / 2,
      ],
      ['no errors', rows.every((r) => r.errors + r.loadErrors === 0) && padded.every((p) => p.errors === 0)],
    ] as const;
    console.log('');
    for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
    console.log(
      `Province page against the bare page: median ${fmt(province!.median / floor!.median, 2)}×, req/s ${fmt(province!.rps10 / floor!.rps10, 2)} (@10) ${fmt(province!.rps50 / floor!.rps50, 2)} (@50); ` +
        `against the signed-in bare page: median ${fmt(province!.median / signedInFloor!.median, 2)}×, req/s ${fmt(province!.rps10 / signedInFloor!.rps10, 2)} (@10) ${fmt(province!.rps50 / signedInFloor!.rps50, 2)} (@50)`,
    );
    console.log(
      `HTML per request: province page ${fmt(province!.htmlBytes / 1024)} KB, national overview ${fmt(national!.htmlBytes / 1024)} KB, bare page ${fmt(floor!.htmlBytes / 1024)} KB, signed-in bare page ${fmt(signedInFloor!.htmlBytes / 1024)} KB`,
    );
    console.log(
      `JS shipped (gzip): province page ${fmt(province!.js!.gzip / 1024)} KB vs bare page ${fmt(floor!.js!.gzip / 1024)} KB; national overview ${fmt(national!.js!.gzip / 1024)} KB`,
    );
    const out = option('--json', '');
    if (out)
      fs.writeFileSync(
        out,
        JSON.stringify({ database: db.label, communes, rows, padded, msPerKb: perKb, checks }, null, 2),
      );
    process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
    keepLog = false;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    agent.destroy();
    await db.cleanup();
    if (!keepLog) fs.rmSync(logFile, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
