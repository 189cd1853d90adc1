import 'server-only';
import { cachedFigures } from '@/server/verdicts/cache';
import { db } from '@/server/db';
import { loadNationalMeta, loadProvinceMeta, type NationalMeta, type ProvinceMeta } from './facts';

// The facts the dashboards judge by (facts.ts), cached under the same fingerprint as the figures (populations, plans
// and the unit count are part of it).

export { planInForce } from './facts';
export type { BranchMeta, NationalMeta, PopulationRow, ProvinceMeta } from './facts';

export function getProvinceMeta(code: string, fingerprint: string): Promise<ProvinceMeta | null> {
  return cachedFigures(`meta:${code}:${fingerprint}`, async () => loadProvinceMeta(await db(), code));
}

export function getNationalMeta(fingerprint: string): Promise<NationalMeta> {
  return cachedFigures(`national-meta:${fingerprint}`, async () => loadNationalMeta(await db()));
}
