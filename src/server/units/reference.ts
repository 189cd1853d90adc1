import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { applyCatalogue, CatalogueError, parseCatalogue, parseSuccession } from './catalogue';

// The reference unit tree shipped with the project (prisma/data/admin-units, with its sources and licence): the GSO
// catalogue of 2025-03-01 as the base and the 1 July 2025 reform with its succession. Loaded once, at start-up before
// the seed; an installation that already has it changes nothing (CatalogueChange checksums).

export const REFERENCE_DIR = path.join(process.cwd(), 'prisma', 'data', 'admin-units');
export const REFORM_2025 = '2025-07-01';

export interface ReferenceLoad {
  applied: boolean;
  ms: number;
  units: number;
}

async function read(name: string): Promise<string> {
  return readFile(/*turbopackIgnore: true*/ path.join(REFERENCE_DIR, name), 'utf8');
}

export async function ensureReferenceUnits(prisma: PrismaClient): Promise<ReferenceLoad> {
  const started = performance.now();
  const [before, after, succession] = await Promise.all([
    read('units-2025-03-01.csv'),
    read('units-2025-07-01.csv'),
    read('succession-2025-07-01.csv'),
  ]);
  const base = parseCatalogue(before, 'units-2025-03-01.csv');
  const next = parseCatalogue(after, 'units-2025-07-01.csv');
  const links = parseSuccession(succession, 'succession-2025-07-01.csv');
  const problems = [...base.problems, ...next.problems, ...links.problems];
  if (problems.length) throw new CatalogueError(problems);
  const results = await prisma.$transaction(
    async (tx) => [
      await applyCatalogue(
        tx,
        {
          effectiveDate: null,
          units: base.units,
          successions: [],
          source: 'prisma/data/admin-units/units-2025-03-01.csv (GSO, 01/03/2025)',
          checksumOf: before,
        },
        'system:reference-units',
      ),
      await applyCatalogue(
        tx,
        {
          effectiveDate: REFORM_2025,
          units: next.units,
          successions: links.rows,
          source: 'prisma/data/admin-units/units-2025-07-01.csv + succession-2025-07-01.csv (reform of 01/07/2025)',
          checksumOf: after + succession,
        },
        'system:reference-units',
      ),
    ],
    { timeout: 600_000, maxWait: 60_000 },
  );
  return {
    applied: results.some((r) => r.applied),
    ms: Math.round(performance.now() - started),
    units: results.reduce((n, r) => n + r.inserted, 0),
  };
}
