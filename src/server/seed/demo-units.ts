import {
  DEMO_COMMUNE_POPULATION_YEAR,
  DEMO_FACILITIES,
  DEMO_FACILITIES_FROM,
  DEMO_POPULATION_SOURCES,
  DEMO_PROVINCES_2025,
} from '../../../prisma/data/geography/demo-2025';
import { PLANS } from '@/lib/surge';
import type { PrismaClient } from '@/generated/prisma/client';
import { createPlan, RESPONSE_PLANS } from './reference-data';
import { mulberry32 } from './synthetic-reports';

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

// The demo as the world is now (issue 15): the demo provinces since the reform of 01/07/2025, with their regional
// health centres, synthetic commune populations and, for An Giang, a demo plan. Demo mode only: an installation for a
// real department enters its own facilities, populations and plans.

/** The demo provinces (handles), the story each tells in the last complete week: see synthetic-reports.ts PROFILES. */
export const DEMO_PROVINCE_CODES = DEMO_PROVINCES_2025.map((p) => p.code);

/**
 * New An Giang is a new unit: old Kiên Giang's plan is not its plan (it stays with Kiên Giang, 91~20250630). So that
 * the demo still has a response checklist to show, An Giang gets this demo plan, a copy of Kiên Giang's thresholds and
 * response plan, named so that no one takes it for a document of the province.
 */
export const AN_GIANG_DEMO_PLAN = {
  ...PLANS['kien-giang'],
  key: 'an-giang-minh-hoa',
  provinceCode: '91',
  name: 'Kế hoạch đáp ứng của An Giang (dữ liệu minh họa: chép từ Kế hoạch của Kiên Giang cũ)',
  validFrom: DEMO_FACILITIES_FROM,
  sourceDocument:
    'Dữ liệu minh họa của SurgeWatch, không phải văn bản của tỉnh An Giang: ngưỡng và kế hoạch đáp ứng chép từ ' +
    PLANS['kien-giang'].sourceDocument,
};

/** A unit's stable pseudo-random draw in [0, 1), by a label and its code. */
function draw(label: string, code: string): number {
  let h = 2166136261;
  for (const ch of `${label}:${code}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return mulberry32(h >>> 0)();
}

const TYPE_WEIGHT: Record<string, number> = { Phường: 1.6, Xã: 1, 'Đặc khu': 0.4 };

/**
 * Synthetic populations for a province's communes, summing exactly to `total`: a weight per commune (wards larger than
 * communes, special zones smaller, 0.6x to 1.4x at random), scaled, rounded to tens, the residual on the largest.
 */
export function syntheticPopulations(
  communes: readonly { code: string; unitType: string | null }[],
  total: number,
): Map<string, number> {
  const weights = communes.map((c) => (TYPE_WEIGHT[c.unitType ?? ''] ?? 1) * (0.6 + draw('population', c.code) * 0.8));
  const sum = weights.reduce((s, w) => s + w, 0);
  const figures = weights.map((w) => Math.round((total * w) / sum / 10) * 10);
  const largest = figures.indexOf(Math.max(...figures));
  figures[largest]! += total - figures.reduce((s, f) => s + f, 0);
  return new Map(communes.map((c, i) => [c.code, figures[i]!]));
}

export async function seedDemoUnits(tx: Tx): Promise<void> {
  const provinces = await tx.adminUnit.findMany({
    where: { code: { in: DEMO_PROVINCE_CODES }, kind: 'province' },
    select: { id: true, code: true, path: true },
  });
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const from = new Date(`${DEMO_FACILITIES_FROM}T00:00:00Z`);
  await tx.adminUnit.createMany({
    data: DEMO_FACILITIES.map((f) => {
      const province = byCode.get(f.provinceCode)!;
      return {
        code: f.code,
        gsoCode: f.code,
        name: f.name,
        kind: 'facility',
        depth: 1,
        path: `${province.path}/${f.code}`,
        provinceCode: province.code,
        parentId: province.id,
        validFrom: from,
        fromCatalogue: false,
        reports: true,
      };
    }),
  });

  const populations: { unitId: number; year: number; population: number; approximate: boolean; source: string }[] = [];
  for (const p of DEMO_PROVINCES_2025) {
    const province = byCode.get(p.code)!;
    if (p.population) populations.push({ unitId: province.id, ...p.population });
    // the communes of the province since the reform (the ones before it report nothing and keep no population)
    const communes = await tx.adminUnit.findMany({
      where: { provinceCode: p.code, kind: 'commune', reports: true, validTo: null },
      select: { id: true, code: true, unitType: true },
      orderBy: { code: 'asc' },
    });
    const figures = syntheticPopulations(communes, p.communeTotal);
    for (const c of communes)
      populations.push({
        unitId: c.id,
        year: DEMO_COMMUNE_POPULATION_YEAR,
        population: figures.get(c.code)!,
        approximate: true,
        source: DEMO_POPULATION_SOURCES.commune,
      });
  }
  await tx.unitPopulation.createMany({ data: populations });

  await createPlan(
    tx,
    AN_GIANG_DEMO_PLAN,
    RESPONSE_PLANS.find((r) => r.planKey === 'kien-giang'),
    'Dữ liệu minh họa: chép từ Kế hoạch của Kiên Giang cũ (tỉnh An Giang mới chưa có kế hoạch riêng)',
  );
}
