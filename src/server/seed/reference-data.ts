import { DISTRICTS, PROVINCES } from '../../../prisma/data/geography/units';
import kienGiang from '../../../prisma/data/response/kien-giang.json' with { type: 'json' };
import laiChau from '../../../prisma/data/response/lai-chau.json' with { type: 'json' };
import { PLANS, type Plan } from '@/lib/surge';
import { planToRow } from '@/server/plans/mapping';
import type { PrismaClient } from '@/generated/prisma/client';

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface ResponsePlanFile {
  provinceCode: string;
  planKey: string;
  source: { file: string; document: string };
  agencies: Array<{
    order: number;
    code: string;
    name: string;
    description: string | null;
    kind: 'province-body' | 'district-committee';
    hasOwnOfficer: boolean;
    tasks: Array<{ order: number; text: string }>;
  }>;
}

export const RESPONSE_PLANS: ResponsePlanFile[] = [kienGiang as ResponsePlanFile, laiChau as ResponsePlanFile];

export interface UnitInput {
  code: string;
  name: string;
  /** 'province' | 'district' | 'commune' | 'facility' (AdminUnit.kind is free text) */
  kind: string;
  population: number;
  populationYear?: number;
  populationApproximate?: boolean;
  populationSource?: string;
}

/** One administrative unit under its parent (null for a province), with its population: the seed's and the tests'. */
export async function createUnit(tx: Tx, u: UnitInput, parent: { id: number; path: string; depth: number } | null) {
  return tx.adminUnit.create({
    data: {
      code: u.code,
      gsoCode: u.code,
      name: u.name,
      kind: u.kind,
      depth: parent ? parent.depth + 1 : 0,
      path: parent ? `${parent.path}/${u.code}` : u.code,
      provinceCode: parent ? parent.path.split('/')[0]! : u.code,
      parentId: parent?.id ?? null,
      populations: {
        create: {
          year: u.populationYear ?? 2019,
          population: u.population,
          approximate: u.populationApproximate ?? false,
          source: u.populationSource ?? 'test',
        },
      },
    },
    select: { id: true, path: true, depth: true },
  });
}

/** A threshold plan (its first version) and, when given, its response plan's agencies and their tasks. */
export async function createPlan(
  tx: Tx,
  plan: Plan,
  response: Pick<ResponsePlanFile, 'agencies'> | undefined,
  note = 'Từ văn bản gốc (dữ liệu khởi tạo)',
): Promise<{ id: number }> {
  const created = await tx.plan.create({
    data: {
      key: plan.key,
      provinceCode: plan.provinceCode,
      name: plan.name,
      sourceDocument: plan.sourceDocument,
      versions: { create: { ...planToRow(plan), version: plan.version, note } },
    },
    select: { id: true },
  });
  for (const a of response?.agencies ?? []) {
    await tx.agency.create({
      data: {
        planId: created.id,
        order: a.order,
        code: a.code,
        name: a.name,
        description: a.description,
        kind: a.kind === 'district-committee' ? 'DISTRICT_COMMITTEE' : 'PROVINCE_BODY',
        hasOwnOfficer: a.hasOwnOfficer,
        templates: { create: a.tasks.map((t) => ({ order: t.order, text: t.text })) },
      },
    });
  }
  return created;
}

/**
 * The threshold plans and the response plans' agencies and tasks, each attached to its province as the plan was
 * written (a plan of 2023 is Kiên Giang's, the unit that ended on 30/06/2025, never the new An Giang that took its code),
 * and the demo populations of the four provinces of the source plans and their districts. The unit tree itself is the
 * reference catalogue (src/server/units/reference.ts), loaded before this.
 */
export async function seedReferenceData(tx: Tx): Promise<void> {
  const handleOf = async (gsoCode: string, kind: string) =>
    (await tx.adminUnit.findFirst({
      where: { gsoCode, kind, validFrom: null },
      select: { id: true, code: true },
    })) ?? null;
  for (const u of [...PROVINCES, ...DISTRICTS]) {
    const unit = await handleOf(u.code, u.kind);
    if (!unit) continue;
    await tx.unitPopulation.create({
      data: {
        unitId: unit.id,
        year: u.populationYear,
        population: u.population,
        approximate: u.populationApproximate,
        source: u.populationSource,
      },
    });
  }

  for (const plan of Object.values(PLANS) as Plan[]) {
    const province = plan.provinceCode ? await handleOf(plan.provinceCode, 'province') : null;
    await createPlan(
      tx,
      province ? { ...plan, provinceCode: province.code } : plan,
      RESPONSE_PLANS.find((r) => r.planKey === plan.key),
    );
  }
}
