import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { calendarYear } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { populationSchema } from '@/lib/validations/populations';
import { recordAudit } from '@/server/audit/record';
import { now } from '@/server/env';
import { defineAction, runAction } from '@/server/boundary/action';
import { bumpDataVersion } from '@/server/verdicts/data-version';

// A unit's population for a year (rates per 100,000 are computed from the figure of the latest year not after the
// week's year). Setting it is audited and bumps the province's data version. Two admins editing the same figure: the
// form carries the figure's last update time, and a save over a newer one is refused.

export const setPopulation = defineAction({
  name: 'admin.setPopulation',
  permission: 'populations.manage',
  schema: populationSchema,
  scope: async (input, prisma) => {
    const unit = await prisma.adminUnit.findUnique({ where: { id: input.unitId }, select: { provinceCode: true } });
    return unit ? { provinceCode: unit.provinceCode } : null;
  },
  run: async ({ user: admin, input, prisma }) => {
    const maxYear = calendarYear(now()) + 1;
    if (input.year > maxYear)
      return { ok: false, code: 'invalid', message: 'validation.failed', fieldErrors: { year: ['yearFuture'] } };
    try {
      return await prisma.$transaction(async (tx) => {
        const unit = await tx.adminUnit.findUniqueOrThrow({
          where: { id: input.unitId },
          select: { id: true, code: true, provinceCode: true },
        });
        const existing = await tx.unitPopulation.findUnique({
          where: { unitId_year: { unitId: unit.id, year: input.year } },
          select: { id: true, population: true, approximate: true, source: true, updatedAt: true },
        });
        const seen = existing ? existing.updatedAt.toISOString() : '';
        if (seen !== input.expectedUpdatedAt)
          return { ok: false, code: 'conflict', message: 'populationChangedMeanwhile' } as const;
        const values = {
          population: input.population,
          approximate: input.approximate,
          source: input.source,
          updatedById: admin.id,
        };
        if (
          existing &&
          existing.population === values.population &&
          existing.approximate === values.approximate &&
          existing.source === values.source
        ) {
          return { ok: true, data: { unitId: unit.id, year: input.year }, message: 'noChange' } as const;
        }
        if (existing) {
          // compare-and-set on the time read, so a save that raced this one is not overwritten
          const { count } = await tx.unitPopulation.updateMany({
            where: { id: existing.id, updatedAt: existing.updatedAt },
            data: values,
          });
          if (count !== 1) return { ok: false, code: 'conflict', message: 'populationChangedMeanwhile' } as const;
        } else {
          await tx.unitPopulation.create({ data: { unitId: unit.id, year: input.year, ...values } });
        }
        await recordAudit(tx, {
          actor: { id: admin.id, label: admin.email },
          action: 'population.set',
          targetType: 'UnitPopulation',
          targetId: `${unit.code}/${input.year}`,
          provinceCode: unit.provinceCode,
          before: existing
            ? { population: existing.population, approximate: existing.approximate, source: existing.source }
            : undefined,
          after: { population: values.population, approximate: values.approximate, source: values.source },
        });
        await bumpDataVersion(tx, unit.provinceCode);
        return { ok: true, data: { unitId: unit.id, year: input.year }, message: 'populationSaved' } as const;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        return { ok: false, code: 'conflict', message: 'populationChangedMeanwhile' };
      throw error;
    }
  },
});

export const setPopulationAs = (user: SessionUser | null, raw: unknown) => runAction(setPopulation, user, raw);
