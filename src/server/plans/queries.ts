import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { currentWeek, formatIsoWeek, lastCompleteWeek, weekMonday, weekThursday } from '@/lib/epi-week';
import { can } from '@/lib/permissions';
import { viDate } from '@/lib/units';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
import { now } from '@/server/env';
import { PLAN_CRITERIA_COLUMNS } from './mapping';
import { getPlanForWeek } from '@/server/verdicts/province-week';
import { validOnWhere } from '@/server/units/validity';
import type { PlanEditorView, VersionView } from '@/lib/contracts/admin';

export type { PlanEditorView, VersionView };

// Reads for the plan editor (/admin/plans). Only for plans.manage.

export interface PlanOverviewRow {
  /** a province code, or 'default' */
  target: string;
  label: string;
  ownPlan: boolean;
  planName: string;
  latestVersion: number | null;
  /** the plan version judging the last complete week */
  inForceLastWeek: { own: boolean; version: number };
  scheduled: number;
}

const VERSION_SELECT = {
  version: true,
  validFrom: true,
  ...PLAN_CRITERIA_COLUMNS,
  note: true,
  createdAt: true,
  createdBy: { select: { email: true } },
} as const;

type VersionRow = Prisma.PlanVersionGetPayload<{ select: typeof VERSION_SELECT }>;

function toView(v: VersionRow): VersionView {
  const c = (k: 'cases' | 'oxygen' | 'beds' | 'icu') => ({
    comparator: v[`${k}Comparator`],
    threshold: v[`${k}Threshold`].toString(),
  });
  return {
    version: v.version,
    validFrom: v.validFrom.toISOString().slice(0, 10),
    rule: v.rule,
    criteria: { cases: c('cases'), oxygen: c('oxygen'), beds: c('beds'), icu: c('icu') },
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy?.email ?? null,
  };
}

export async function getPlanOverview(user: SessionUser): Promise<PlanOverviewRow[] | null> {
  if (!can(user, 'plans.manage')) return null;
  const prisma = await db();
  const today = weekMonday(currentWeek(now()));
  const last = lastCompleteWeek(now());
  const plans = await prisma.plan.findMany({
    select: { provinceCode: true, name: true, versions: { select: { version: true, validFrom: true } } },
    orderBy: { id: 'asc' },
  });
  // the provinces in force today, and the ended ones that still have a plan of their own (Kiên Giang's, until 30/06/2025)
  const withPlan = plans.flatMap((p) => (p.provinceCode ? [p.provinceCode] : []));
  const provinces = await prisma.adminUnit.findMany({
    where: {
      kind: 'province',
      depth: 0,
      OR: [validOnWhere(weekThursday(currentWeek(now()))), { code: { in: withPlan } }],
    },
    select: { code: true, name: true, validTo: true },
    orderBy: { name: 'asc' },
  });
  const row = async (target: string, label: string, provinceCode: string | null): Promise<PlanOverviewRow> => {
    const own = plans.find((p) => p.provinceCode === provinceCode);
    const versions = own?.versions ?? [];
    // no province has the code '-': the default plan's row asks for the plan of a province without its own
    const inForce = await getPlanForWeek(provinceCode ?? '-', last);
    return {
      target,
      label,
      ownPlan: Boolean(own),
      planName: own?.name ?? inForce.name,
      latestVersion: versions.length ? Math.max(...versions.map((v) => v.version)) : null,
      inForceLastWeek: { own: inForce.provinceCode !== null, version: inForce.version },
      scheduled: versions.filter((v) => v.validFrom.toISOString().slice(0, 10) >= today).length,
    };
  };
  return Promise.all([
    row('default', '', null),
    ...provinces.map((p) =>
      row(p.code, p.validTo ? `${p.name} (đến ${viDate(p.validTo.toISOString().slice(0, 10))})` : p.name, p.code),
    ),
  ]);
}

export async function getPlanEditor(user: SessionUser, target: string): Promise<PlanEditorView | null> {
  if (!can(user, 'plans.manage')) return null;
  const prisma = await db();
  let provinceName: string | null = null;
  if (target !== 'default') {
    const province = await prisma.adminUnit.findFirst({
      where: { code: target, kind: 'province' },
      select: { name: true },
    });
    if (!province) return null;
    provinceName = province.name;
  }
  const provinceCode = target === 'default' ? null : target;
  const plan = await prisma.plan.findFirst({
    where: { provinceCode },
    orderBy: { id: 'asc' },
    select: {
      key: true,
      name: true,
      sourceDocument: true,
      versions: { select: VERSION_SELECT, orderBy: { version: 'desc' } },
    },
  });
  const week = currentWeek(now());
  let start: VersionView;
  if (plan?.versions[0]) {
    start = toView(plan.versions[0]);
  } else {
    // a province on the default plan: start from the default version in force this week
    const fallback = await prisma.planVersion.findFirst({
      where: { plan: { provinceCode: null }, validFrom: { lte: new Date(`${weekMonday(week)}T00:00:00Z`) } },
      orderBy: [{ validFrom: 'desc' }, { version: 'desc' }],
      select: VERSION_SELECT,
    });
    if (!fallback) return null;
    start = { ...toView(fallback), note: null };
  }
  return {
    target,
    provinceName,
    plan: plan ? { key: plan.key, name: plan.name, sourceDocument: plan.sourceDocument } : null,
    versions: (plan?.versions ?? []).map(toView),
    start,
    baseVersion: plan?.versions[0]?.version ?? 0,
    earliestValidFrom: weekMonday(week),
    currentWeek: formatIsoWeek(week),
    lastCompleteWeek: formatIsoWeek(lastCompleteWeek(now())),
  };
}
