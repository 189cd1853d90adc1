import 'server-only';
import { cachedFigures } from '@/server/verdicts/cache';
import { db } from '@/server/db';
import { loadNationalMeta, loadProvinceMeta, type NationalMeta, type ProvinceMeta } from './facts';

// The facts the dashboards judge by (facts.ts), cached under the same fingerprint as the figures (populations, plans
// and the units with their validity are part of it: whatever changes them must bump the province's data version).
// Week-independent: every week's expected reporters come from the same cached facts (expectedIn).

export { planInForce } from './facts';
export type { BranchMeta, NationalMeta, PopulationRow, ProvinceMeta, ReporterSpan } from './facts';

export function getProvinceMeta(code: string, fingerprint: string): Promise<ProvinceMeta | null> {
  return cachedFigures(`meta:${code}:${fingerprint}`, async () => loadProvinceMeta(await db(), code));
}

export function getNationalMeta(fingerprint: string): Promise<NationalMeta> {
  return cachedFigures(`national-meta:${fingerprint}`, async () => loadNationalMeta(await db()));
}
