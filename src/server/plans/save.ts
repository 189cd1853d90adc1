import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import type { Comparator, SurgeRule } from '@/generated/prisma/enums';
import { currentWeek, formatIsoWeek, weekMonday } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { CRITERIA, planVersionSchema } from '@/lib/validations/plans';
import { assertPlan } from '@/lib/surge';
import { recordAudit } from '@/server/audit/record';
import { now } from '@/server/env';
import { PLAN_CRITERIA_COLUMNS, rowToPlan } from './mapping';
import { defineAction, runAction } from '@/server/boundary/action';
import { bumpDataVersion } from '@/server/verdicts/data-version';

// A plan's thresholds are never edited in place: saving adds a version valid from a date no earlier than the Monday of
// the current week, so every finished week keeps being judged by the version that was in force then
// (getPlanForWeek selects by validFrom). A province without a plan of its own gets one, starting from these values.

const VERSION_FIELDS = {
  id: true,
  version: true,
  validFrom: true,
  ...PLAN_CRITERIA_COLUMNS,
  note: true,
} as const;

type VersionRow = Prisma.PlanVersionGetPayload<{ select: typeof VERSION_FIELDS }>;

function summary(v: VersionRow) {
  return {
    version: v.version,
    validFrom: v.validFrom.toISOString().slice(0, 10),
    rule: v.rule,
    cases: `${v.casesComparator} ${v.casesThreshold.toString()}`,
    oxygen: `${v.oxygenComparator} ${v.oxygenThreshold.toString()}`,
    beds: `${v.bedsComparator} ${v.bedsThreshold.toString()}`,
    icu: `${v.icuComparator} ${v.icuThreshold.toString()}`,
    note: v.note,
  };
}

export const savePlanVersion = defineAction({
  name: 'admin.savePlanVersion',
  permission: 'plans.manage',
  schema: planVersionSchema,
  scope: async (input, prisma) => {
    if (input.target === 'default') return {};
    const province = await prisma.adminUnit.findFirst({
      where: { code: input.target, kind: 'province' },
      select: { code: true },
    });
    return province ? { provinceCode: province.code } : null;
  },
  run: async ({ user: admin, input, prisma }) => {
    const firstWeek = currentWeek(now());
    if (input.validFrom < weekMonday(firstWeek)) {
      return {
        ok: false,
        code: 'invalid',
        message: 'validation.failed',
        fieldErrors: { validFrom: ['validFromPast'] },
        earliest: weekMonday(firstWeek),
        week: formatIsoWeek(firstWeek),
      };
    }
    try {
      return await prisma.$transaction(async (tx) => {
        const provinceCode = input.target === 'default' ? null : input.target;
        let plan = await tx.plan.findFirst({
          where: { provinceCode },
          orderBy: { id: 'asc' },
          select: { id: true, key: true, name: true, sourceDocument: true },
        });
        if (!plan) {
          if (provinceCode === null) return { ok: false, code: 'not-found', message: 'not-found' } as const;
          const fieldErrors: Record<string, string[]> = {};
          if (!input.name) fieldErrors.name = ['required'];
          if (!input.sourceDocument) fieldErrors.sourceDocument = ['required'];
          if (Object.keys(fieldErrors).length)
            return { ok: false, code: 'invalid', message: 'validation.failed', fieldErrors } as const;
          plan = await tx.plan.create({
            data: {
              key: `province-${provinceCode}`,
              provinceCode,
              name: input.name!,
              sourceDocument: input.sourceDocument!,
            },
            select: { id: true, key: true, name: true, sourceDocument: true },
          });
        }
        const latest = await tx.planVersion.findFirst({
          where: { planId: plan.id },
          orderBy: { version: 'desc' },
          select: VERSION_FIELDS,
        });
        if ((latest?.version ?? 0) !== input.baseVersion)
          return { ok: false, code: 'conflict', message: 'planChangedMeanwhile' } as const;
        const data = {
          planId: plan.id,
          version: (latest?.version ?? 0) + 1,
          validFrom: new Date(`${input.validFrom}T00:00:00Z`),
          rule: input.rule as SurgeRule,
          note: input.note,
          createdById: admin.id,
          ...Object.fromEntries(
            CRITERIA.flatMap((c) => [
              [`${c}Comparator`, input[`${c}Comparator`] as Comparator],
              [`${c}Threshold`, input[`${c}Threshold`]],
            ]),
          ),
        } as Prisma.PlanVersionUncheckedCreateInput;
        const created = await tx.planVersion.create({ data, select: VERSION_FIELDS });
        // the surge engine must be able to judge with it: the same check the database layer applies when reading
        assertPlan(
          rowToPlan({
            ...created,
            plan: { key: plan.key, name: plan.name, provinceCode, sourceDocument: plan.sourceDocument },
          }),
        );
        await recordAudit(tx, {
          actor: { id: admin.id, label: admin.email },
          action: 'plan.version-created',
          targetType: 'Plan',
          targetId: plan.key,
          provinceCode,
          before: latest ? summary(latest) : undefined,
          after: summary(created),
        });
        // verdicts from this version on change: cached figures keyed by the data version must be recomputed
        const affected = provinceCode
          ? [provinceCode]
          : (await tx.adminUnit.findMany({ where: { kind: 'province' }, select: { code: true } })).map((p) => p.code);
        for (const code of affected) await bumpDataVersion(tx, code);
        return {
          ok: true,
          data: { version: created.version, target: input.target },
          message: 'planVersionSaved',
        } as const;
      });
    } catch (error) {
      // two admins saving the same plan at once: the unique (plan, version) lets only one through
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        return { ok: false, code: 'conflict', message: 'planChangedMeanwhile' };
      throw error;
    }
  },
});

export const savePlanVersionAs = (user: SessionUser | null, raw: unknown) => runAction(savePlanVersion, user, raw);
