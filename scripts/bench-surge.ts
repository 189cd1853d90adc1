/**
 * Throughput of the surge engine's public evaluateSurge.
 *
 *   npx tsx scripts/bench-surge.ts [--units 1000000] [--rounds 7]
 *
 * Pre-generates deterministic unit-weeks (seeded PRNG, realistic ranges, ~10% of each figure missing, some rows
 * entirely missing), warms up, then evaluates all of them in several rounds through the checked public API, with
 * the three built-in plans in turn. Every verdict is folded into a checksum that is printed, so the work cannot be
 * optimised away. Prints each round, the median and best rounds, the data mix and the heap used before and after.
 * Target: ≥ 10 million evaluations per second (median). The figures move with the machine's load: on a shared
 * 2-core VM, run it a few times.
 */
import { evaluateSurge, PLANS, type Counts, type Plan, type SurgeVerdict } from '../src/lib/surge';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`--${name} must be a whole number > 0`);
  return v;
}

const UNITS = arg('units', 1_000_000);
const ROUNDS = arg('rounds', 7);
const TARGET = 10_000_000;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function generate(n: number): { counts: Counts[]; populations: Float64Array } {
  const rand = prng(20231029);
  const int = (max: number): number => Math.floor(rand() * (max + 1));
  const maybe = (value: number, pNull: number): number | null => (rand() < pNull ? null : value);
  const counts: Counts[] = new Array<Counts>(n);
  const populations = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Districts of 20,000 to 500,000 people and provinces up to 10 million.
    const population = rand() < 0.9 ? 20_000 + int(480_000) : 300_000 + int(9_700_000);
    const per100k = population / 100_000;
    const allMissing = rand() < 0.02;
    counts[i] = {
      newCases: allMissing ? null : maybe(Math.round(rand() * 900 * per100k), 0.1),
      oxygenAvg7d: allMissing ? null : maybe(int(Math.round(6_400 * per100k)) / 100, 0.1),
      freeCovidBeds: allMissing ? null : maybe(Math.round(rand() * 20 * per100k), 0.1),
      staffedIcuBeds: allMissing ? null : maybe(Math.round(rand() * 8 * per100k), 0.1),
    };
    populations[i] = population;
  }
  return { counts, populations };
}

const plans: Plan[] = [PLANS.default, PLANS['kien-giang'], PLANS['lai-chau']];

/**
 * Evaluates every unit-week once and folds every verdict into a checksum. The level depends on all four met flags
 * (and provisional on all four figures), so summing level and provisional makes every comparison necessary; the
 * level's length and first letter tell the four levels apart without a branch. Every 1,024th verdict is also kept
 * and its rates and met flags added after the round: a verdict that may be kept cannot be optimised away (V8's
 * escape analysis is all-or-nothing), so every verdict object is really built.
 */
function round(counts: Counts[], populations: Float64Array, kept: SurgeVerdict[]): number {
  let sum = 0;
  const n = counts.length;
  for (let i = 0; i < n; i++) {
    const v = evaluateSurge(counts[i] as Counts, populations[i] as number, plans[i % 3] as Plan);
    sum += v.level.length * 128 + v.level.charCodeAt(0) + (v.provisional ? 3 : 0);
    if ((i & 1023) === 0) kept[i >> 10] = v;
  }
  for (const v of kept) {
    for (const c of v.criteria) sum += (c.met === true ? 5 : c.met === false ? 7 : 0) + Math.round(c.rate ?? 0);
  }
  return sum;
}

/** The data mix, outside the timed rounds: share of each level and of provisional verdicts. */
function mix(counts: Counts[], populations: Float64Array): string {
  const levels: Record<string, number> = { surge: 0, warning: 0, normal: 0, 'no-data': 0 };
  let provisional = 0;
  for (let i = 0; i < counts.length; i++) {
    const v = evaluateSurge(counts[i] as Counts, populations[i] as number, plans[i % 3] as Plan);
    levels[v.level] = (levels[v.level] ?? 0) + 1;
    if (v.provisional) provisional++;
  }
  const pct = (x: number): string => `${((100 * x) / counts.length).toFixed(1)}%`;
  return `${Object.entries(levels)
    .map(([k, x]) => `${k} ${pct(x)}`)
    .join(', ')}; provisional ${pct(provisional)}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function main(): void {
  const t0 = performance.now();
  const { counts, populations } = generate(UNITS);
  console.log(
    `surge bench: ${UNITS.toLocaleString('en')} unit-weeks generated in ${(performance.now() - t0).toFixed(0)} ms (node ${process.version})`,
  );

  // Warm-up: let the JIT optimise evaluateSurge on the same data mix.
  const kept: SurgeVerdict[] = [];
  const warm = round(
    counts.slice(0, Math.min(UNITS, 200_000)),
    populations.subarray(0, Math.min(UNITS, 200_000)),
    kept,
  );
  round(counts, populations, kept);

  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rates: number[] = [];
  let checksum = warm;
  for (let r = 1; r <= ROUNDS; r++) {
    const start = performance.now();
    const sum = round(counts, populations, kept);
    const ms = performance.now() - start;
    checksum = (checksum * 31 + sum) % 1_000_000_007;
    const rate = UNITS / (ms / 1000);
    rates.push(rate);
    console.log(`  round ${r}: ${ms.toFixed(1)} ms, ${(rate / 1e6).toFixed(2)} M evaluations/s (checksum ${sum})`);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  const med = median(rates);
  console.log(
    `median: ${(med / 1e6).toFixed(2)} M evaluations/s (target ≥ ${TARGET / 1e6} M) ${med >= TARGET ? 'OK' : 'BELOW TARGET'}`,
  );
  console.log(`best round: ${(Math.max(...rates) / 1e6).toFixed(2)} M evaluations/s`);
  console.log(`heap used: ${mb(heapBefore)} MB before the rounds, ${mb(heapAfter)} MB after (input data included)`);
  console.log(`checksum: ${checksum}`);
  console.log(`data mix (after the timed rounds): ${mix(counts, populations)}`);
}

main();
