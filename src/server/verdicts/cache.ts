import 'server-only';
import { lruGet, lruSet } from '@/lib/lru';

// Computed dashboard figures, memoised in this process. Every key carries the province's figures fingerprint (its
// DataVersion counter, read from the database on each request and bumped by every write to its reports, plan
// thresholds or populations: see fingerprint.ts), so an entry can only be hit while the data it was computed from is
// still current. Several app
// instances each keep their own entries and never serve another's stale figures: a save in one instance bumps the
// counter in the database, and every instance's next request reads the new counter, misses and recomputes.
// Entries hold promises so that concurrent requests for the same figures share one computation.

const MAX_ENTRIES = 256;

interface Store {
  entries: Map<string, Promise<unknown>>;
  computations: number;
}

const holder = globalThis as typeof globalThis & { __surgewatchFigures?: Store };

function store(): Store {
  holder.__surgewatchFigures ??= { entries: new Map(), computations: 0 };
  return holder.__surgewatchFigures;
}

/** The value for `key`, computing it on a miss. Keys must include every input of the computation. */
export function cachedFigures<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const s = store();
  const hit = lruGet(s.entries, key) as Promise<T> | undefined;
  if (hit) return hit;
  s.computations++;
  const pending = compute();
  lruSet(s.entries, key, pending, MAX_ENTRIES);
  pending.catch(() => {
    if (s.entries.get(key) === pending) s.entries.delete(key);
  });
  return pending;
}

/** For tests and the benchmark's report: how many misses were computed so far. */
export function figuresCacheStats(): { entries: number; computations: number } {
  const s = store();
  return { entries: s.entries.size, computations: s.computations };
}

export function clearFiguresCache(): void {
  const s = store();
  s.entries.clear();
  s.computations = 0;
}
