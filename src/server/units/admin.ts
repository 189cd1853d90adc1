import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { CatalogueChangeRow, EndedScopeRow, FacilityRow, UnitRef } from '@/lib/contracts/admin-units';
import { weekThursday } from '@/lib/epi-week';
import { can } from '@/lib/permissions';
import type { RoleName, SessionUser } from '@/lib/roles';
import { viDate } from '@/lib/units';
import {
  addFacilitySchema,
  endFacilitySchema,
  facilityStampOf,
  renameFacilitySchema,
} from '@/lib/validations/admin-units';
import { stampOf } from '@/lib/validations/users';
import { recordAudit } from '@/server/audit/record';
import { defineAction, runAction } from '@/server/boundary/action';
import { db } from '@/server/db';
import { bumpDataVersion } from '@/server/verdicts/data-version';
import { today } from './list';

// Administration of the unit tree (/admin/units, issue 15): the users whose scope names an ended unit, with where it
// went in full; the facility units a province lists (its regional health centres, which report beds since 1 July
// 2025); catalogue updates (catalogue-import.ts). Every change is audited in its transaction.

type Tx = Prisma.TransactionClient;

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const REF = { id: true, code: true, name: true, kind: true, provinceCode: true } as const;

/** Users scoped to an ended province or unit, each with the units it went into in full (the moves offered). */
export async function getEndedScopes(user: SessionUser): Promise<EndedScopeRow[] | null> {
  if (!can(user, 'units.manage')) return null;
  const prisma = await db();
  const ended = { lt: day(today()) };
  const successors = {
    where: { share: 'full', to: { OR: [{ validTo: null }, { validTo: { gte: day(today()) } }] } },
    select: { to: { select: REF } },
    orderBy: { toId: 'asc' },
  } satisfies Prisma.AdminUnit$successorsArgs;
  const provinces = await prisma.adminUnit.findMany({
    where: { depth: 0, validTo: ended },
    select: { ...REF, validTo: true, successors },
  });
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const users = await prisma.user.findMany({
    where: {
      OR: [
        { role: { not: 'LOCAL_OFFICER' }, provinceCode: { in: [...byCode.keys()] } },
        { role: 'LOCAL_OFFICER', unit: { validTo: ended } },
      ],
    },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      provinceCode: true,
      unitId: true,
      agencyId: true,
      active: true,
      unit: { select: { ...REF, validTo: true, successors } },
    },
    orderBy: [{ active: 'desc' }, { provinceCode: 'asc' }, { email: 'asc' }],
  });
  return users.flatMap((u) => {
    const scope = u.role === 'LOCAL_OFFICER' ? u.unit : byCode.get(u.provinceCode ?? '');
    if (!scope?.validTo) return [];
    const next: UnitRef[] = scope.successors.map((s) => s.to);
    const blocked = u.role === 'AGENCY_OFFICER' ? 'agency' : next.length === 0 ? 'noFullSuccessor' : null;
    const { successors: _s, validTo, ...ref } = scope;
    return [
      {
        userId: u.id,
        email: u.email,
        name: u.name,
        role: u.role as RoleName,
        active: u.active,
        stamp: stampOf(u),
        scope: { ...ref, validTo: isoDay(validTo)! },
        successors: blocked ? [] : next,
        blocked,
      },
    ];
  });
}

const FACILITY = { id: true, code: true, name: true, validFrom: true, validTo: true } as const;

function facilityRow(u: { id: number; code: string; name: string; validFrom: Date | null; validTo: Date | null }) {
  const row = { id: u.id, code: u.code, name: u.name, validFrom: isoDay(u.validFrom), validTo: isoDay(u.validTo) };
  return { ...row, stamp: facilityStampOf(row) };
}

/** The facility units of a province (regional health centres), ended ones too. */
export async function getFacilities(user: SessionUser, provinceCode: string): Promise<FacilityRow[] | null> {
  if (!can(user, 'units.manage')) return null;
  const prisma = await db();
  const rows = await prisma.adminUnit.findMany({
    where: { provinceCode, kind: 'facility' },
    select: FACILITY,
    orderBy: [{ validTo: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }],
  });
  return rows.map(facilityRow);
}

/** The catalogue changes applied so far, newest first. */
export async function getCatalogueChanges(user: SessionUser): Promise<CatalogueChangeRow[] | null> {
  if (!can(user, 'units.manage')) return null;
  const prisma = await db();
  const rows = await prisma.catalogueChange.findMany({ orderBy: { id: 'desc' }, take: 50 });
  return rows.map((r) => ({
    effectiveDate: isoDay(r.effectiveDate),
    source: r.source,
    units: r.units,
    successions: r.successions,
    appliedAt: r.appliedAt.toISOString(),
    actorLabel: r.actorLabel,
  }));
}

/** A URL-safe piece of a Vietnamese name: "Trung tâm Y tế khu vực Đức Hòa" → "trung-tam-y-te-khu-vuc-duc-hoa". */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * A facility's handle: the province's GSO code and its name's slug ("80-ttyt-duc-hoa"), with a number when taken. A
 * dash never appears in a GSO code or a catalogue handle, so no catalogue unit can ever claim it.
 */
async function facilityHandle(tx: Tx, provinceGso: string, name: string): Promise<string> {
  const base = `${provinceGso}-${slugOf(name) || 'co-so'}`;
  const taken = new Set(
    (
      await tx.adminUnit.findMany({
        where: { OR: [{ code: base }, { code: { startsWith: `${base}-` } }] },
        select: { code: true },
      })
    ).map((u) => u.code),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const invalid = (field: string, key: string) => ({
  ok: false as const,
  code: 'invalid' as const,
  message: 'validation.failed',
  fieldErrors: { [field]: [key] } as Record<string, string[]>,
});
const actorOf = (u: SessionUser) => ({ id: u.id, label: u.email });

export const addFacility = defineAction({
  name: 'admin.addFacility',
  permission: 'units.manage',
  schema: addFacilitySchema,
  scope: () => ({}),
  run: ({ user: admin, input, prisma }) =>
    prisma.$transaction(async (tx) => {
      const province = await tx.adminUnit.findFirst({
        where: { code: input.provinceCode, depth: 0, kind: 'province' },
        select: { id: true, code: true, gsoCode: true, path: true, depth: true, validFrom: true, validTo: true },
      });
      if (!province) return invalid('provinceCode', 'notAProvince');
      const from = isoDay(province.validFrom);
      const to = isoDay(province.validTo);
      if ((from && input.validFrom < from) || (to && input.validFrom > to))
        return invalid('validFrom', 'outsideProvince');
      const code = await facilityHandle(tx, province.gsoCode, input.name);
      const created = await tx.adminUnit.create({
        data: {
          code,
          gsoCode: code,
          name: input.name,
          kind: 'facility',
          depth: province.depth + 1,
          path: `${province.path}/${code}`,
          provinceCode: province.code,
          parentId: province.id,
          reports: true,
          fromCatalogue: false,
          validFrom: day(input.validFrom),
        },
        select: FACILITY,
      });
      // the province's expected reporters changed: cached completeness and verdicts follow
      await bumpDataVersion(tx, province.code);
      await recordAudit(tx, {
        actor: actorOf(admin),
        action: 'unit.facility-added',
        targetType: 'AdminUnit',
        targetId: code,
        provinceCode: province.code,
        provinceId: province.id,
        after: { code, name: input.name, validFrom: input.validFrom },
      });
      return { ok: true, data: facilityRow(created), message: 'facilityAdded' } as const;
    }),
});

/** The facility as the form saw it; another stamp means someone changed it meanwhile. */
async function facilityAsSeen(tx: Tx, input: { unitId: number; stamp: string }) {
  const u = await tx.adminUnit.findFirst({
    where: { id: input.unitId, kind: 'facility' },
    select: { ...FACILITY, provinceCode: true },
  });
  if (!u) return { ok: false, code: 'not-found', message: 'not-found' } as const;
  const row = facilityRow(u);
  if (row.stamp !== input.stamp) return { ok: false, code: 'conflict', message: 'facilityChangedMeanwhile' } as const;
  return { ok: true as const, ...row, provinceCode: u.provinceCode, raw: u };
}

export const renameFacility = defineAction({
  name: 'admin.renameFacility',
  permission: 'units.manage',
  schema: renameFacilitySchema,
  scope: () => ({}),
  run: ({ user: admin, input, prisma }) =>
    prisma.$transaction(async (tx) => {
      const before = await facilityAsSeen(tx, input);
      if (!before.ok) return before;
      if (before.name === input.name) return { ok: true, data: { id: before.id }, message: 'noChange' } as const;
      // compare-and-set on the values read: two administrators saving at once cannot both win
      const { count } = await tx.adminUnit.updateMany({
        where: { id: before.id, name: before.raw.name, validTo: before.raw.validTo },
        data: { name: input.name },
      });
      if (count !== 1) return { ok: false, code: 'conflict', message: 'facilityChangedMeanwhile' } as const;
      await bumpDataVersion(tx, before.provinceCode);
      await recordAudit(tx, {
        actor: actorOf(admin),
        action: 'unit.facility-renamed',
        targetType: 'AdminUnit',
        targetId: before.code,
        provinceCode: before.provinceCode,
        before: { name: before.name },
        after: { name: input.name },
      });
      return { ok: true, data: { id: before.id }, message: 'facilityRenamed' } as const;
    }),
});

export const endFacility = defineAction({
  name: 'admin.endFacility',
  permission: 'units.manage',
  schema: endFacilitySchema,
  scope: () => ({}),
  run: ({ user: admin, input, prisma }) =>
    prisma.$transaction(async (tx) => {
      const before = await facilityAsSeen(tx, input);
      if (!before.ok) return before;
      if (before.validFrom && input.validTo < before.validFrom) return invalid('validTo', 'beforeValidFrom');
      // reports of weeks after the end would silently become reports under a former unit: end it later, or move them
      const reports = await tx.weeklyReport.findMany({
        where: { unitId: before.id },
        select: { isoYear: true, isoWeek: true },
      });
      const after = reports
        .map((r) => weekThursday(r))
        .filter((thursday) => thursday > input.validTo)
        .sort();
      if (after.length > 0)
        return {
          ok: false,
          code: 'refused',
          message: 'facilityHasLaterReports',
          params: { date: viDate(after[after.length - 1]!), count: after.length },
        } as const;
      if (before.validTo === input.validTo) return { ok: true, data: { id: before.id }, message: 'noChange' } as const;
      const { count } = await tx.adminUnit.updateMany({
        where: { id: before.id, name: before.raw.name, validTo: before.raw.validTo },
        data: { validTo: day(input.validTo) },
      });
      if (count !== 1) return { ok: false, code: 'conflict', message: 'facilityChangedMeanwhile' } as const;
      await bumpDataVersion(tx, before.provinceCode);
      await recordAudit(tx, {
        actor: actorOf(admin),
        action: 'unit.facility-ended',
        targetType: 'AdminUnit',
        targetId: before.code,
        provinceCode: before.provinceCode,
        before: { validTo: before.validTo },
        after: { validTo: input.validTo },
      });
      return { ok: true, data: { id: before.id }, message: 'facilityEnded' } as const;
    }),
});

export const addFacilityAs = (user: SessionUser | null, raw: unknown) => runAction(addFacility, user, raw);
export const renameFacilityAs = (user: SessionUser | null, raw: unknown) => runAction(renameFacility, user, raw);
export const endFacilityAs = (user: SessionUser | null, raw: unknown) => runAction(endFacility, user, raw);
