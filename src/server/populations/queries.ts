import 'server-only';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
import type { PopulationFigureView } from '@/lib/contracts/admin';

export type { PopulationFigureView };

// Reads for /admin/populations: one province's units and their population figures by year.

export interface PopulationTable {
  province: { code: string; name: string };
  provinces: Array<{ code: string; name: string }>;
  years: number[];
  units: Array<{ id: number; code: string; name: string; kind: string; figures: Record<number, PopulationFigureView> }>;
}

export async function getPopulationTable(
  user: SessionUser,
  provinceCode: string | undefined,
): Promise<PopulationTable | null> {
  if (!can(user, 'populations.manage')) return null;
  const prisma = await db();
  const provinces = await prisma.adminUnit.findMany({
    where: { kind: 'province' },
    select: { code: true, name: true },
    orderBy: { name: 'asc' },
  });
  const province = provinces.find((p) => p.code === provinceCode) ?? provinces[0];
  if (!province || !can(user, 'populations.manage', { provinceCode: province.code })) return null;
  const units = await prisma.adminUnit.findMany({
    where: { provinceCode: province.code },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      populations: {
        select: {
          year: true,
          population: true,
          approximate: true,
          source: true,
          updatedAt: true,
          updatedBy: { select: { email: true } },
        },
      },
    },
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
  });
  const years = [...new Set(units.flatMap((u) => u.populations.map((p) => p.year)))].sort((a, b) => b - a);
  return {
    province,
    provinces,
    years,
    units: units.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      figures: Object.fromEntries(
        u.populations.map((p) => [
          p.year,
          {
            population: p.population,
            approximate: p.approximate,
            source: p.source,
            updatedAt: p.updatedAt.toISOString(),
            updatedBy: p.updatedBy?.email ?? null,
          },
        ]),
      ),
    })),
  };
}
