import 'server-only';
import { SESSION_USER_SELECT } from './session-user';
import type { Prisma } from '@/generated/prisma/client';
import { can } from '@/lib/permissions';
import type { RoleName, SessionUser } from '@/lib/roles';
import { stampOf } from '@/lib/validations/users';
import { db } from '@/server/db';
import type { ScopeOptions, ScopeUnit, UserDetail, UserRow } from '@/lib/contracts/admin';
import { today } from '@/server/units/list';

export type { ScopeOptions, ScopeUnit, UserDetail, UserRow };

// Reads for /admin/users. Only for users.manage (national): the check is here as well as on the page.

export interface UserFilter {
  q?: string;
  role?: RoleName;
  provinceCode?: string;
  status?: 'active' | 'inactive';
}

const SELECT = {
  ...SESSION_USER_SELECT,
  active: true,
  isDemo: true,
  createdAt: true,
  passwordChangedAt: true,
  unit: { select: { name: true } },
  agency: { select: { name: true } },
} as const;

async function provinceNames(): Promise<Map<string, string>> {
  const prisma = await db();
  const rows = await prisma.adminUnit.findMany({
    where: { kind: 'province', depth: 0 },
    select: { code: true, name: true },
  });
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function lastSignIns(emails: string[]): Promise<Map<string, Date>> {
  if (emails.length === 0) return new Map();
  const prisma = await db();
  const rows = await prisma.signInAttempt.groupBy({
    by: ['email'],
    where: { email: { in: emails }, success: true },
    _max: { at: true },
  });
  return new Map(rows.flatMap((r) => (r._max.at ? [[r.email, r._max.at] as const] : [])));
}

export async function getUsers(user: SessionUser, filter: UserFilter = {}): Promise<UserRow[] | null> {
  if (!can(user, 'users.manage')) return null;
  const prisma = await db();
  const q = filter.q?.trim();
  const rows = await prisma.user.findMany({
    where: {
      ...(q ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q, mode: 'insensitive' } }] } : {}),
      ...(filter.role ? { role: filter.role } : {}),
      ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
      ...(filter.status ? { active: filter.status === 'active' } : {}),
    },
    select: SELECT,
    orderBy: [{ active: 'desc' }, { role: 'asc' }, { email: 'asc' }],
    take: 500,
  });
  const [names, signIns] = await Promise.all([provinceNames(), lastSignIns(rows.map((r) => r.email))]);
  return rows.map((r) => toRow(r, names, signIns));
}

type Row = Prisma.UserGetPayload<{ select: typeof SELECT }>;

function toRow(r: Row, names: Map<string, string>, signIns: Map<string, Date>): UserRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as RoleName,
    provinceCode: r.provinceCode,
    provinceName: r.provinceCode ? (names.get(r.provinceCode) ?? r.provinceCode) : null,
    unitName: r.unit?.name ?? null,
    agencyName: r.agency?.name ?? null,
    active: r.active,
    isDemo: r.isDemo,
    lastSignInAt: signIns.get(r.email)?.toISOString() ?? null,
  };
}

export async function getUserDetail(user: SessionUser, id: number): Promise<UserDetail | null> {
  if (!can(user, 'users.manage')) return null;
  const prisma = await db();
  const r = await prisma.user.findUnique({
    where: { id },
    select: { ...SELECT, _count: { select: { apiTokens: { where: { revokedAt: null } } } } },
  });
  if (!r) return null;
  const [names, signIns] = await Promise.all([provinceNames(), lastSignIns([r.email])]);
  return {
    ...toRow(r, names, signIns),
    unitId: r.unitId,
    agencyId: r.agencyId,
    stamp: stampOf(r),
    createdAt: r.createdAt.toISOString(),
    passwordChangedAt: r.passwordChangedAt?.toISOString() ?? null,
    activeTokens: r._count.apiTokens,
  };
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The units a local officer of a province may be scoped to: its reporting units of any level (its own row, communes,
 * facilities, the districts before 1 July 2025), valid today first. Ended ones stay choosable: an officer scoped to
 * one keeps reading its history. Old communes that never reported are not scopes.
 */
export async function getScopeUnits(user: SessionUser, provinceCode: string): Promise<ScopeUnit[] | null> {
  if (!can(user, 'users.manage')) return null;
  const prisma = await db();
  const rows = await prisma.adminUnit.findMany({
    where: { provinceCode, reports: true },
    select: { id: true, code: true, name: true, kind: true, depth: true, validTo: true },
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
  });
  const day = today();
  const units = rows.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, validTo: isoDay(u.validTo) }));
  const ended = (u: ScopeUnit) => u.validTo !== null && u.validTo < day;
  return [...units.filter((u) => !ended(u)), ...units.filter(ended)];
}

/**
 * The choices of the role-and-scope form: provinces (ended ones marked), the units of `provinceCode` (the form loads
 * another province's through scopeUnits), and the agencies of provincial plans.
 */
export async function getScopeOptions(
  user: SessionUser,
  provinceCode: string | null = null,
): Promise<ScopeOptions | null> {
  if (!can(user, 'users.manage')) return null;
  const prisma = await db();
  const [provinces, units, agencies] = await Promise.all([
    prisma.adminUnit.findMany({
      where: { kind: 'province', depth: 0 },
      select: { code: true, name: true, validTo: true },
      orderBy: [{ validTo: { sort: 'desc', nulls: 'first' } }, { code: 'asc' }],
    }),
    provinceCode ? getScopeUnits(user, provinceCode) : [],
    prisma.agency.findMany({
      where: { plan: { provinceCode: { not: null } }, hasOwnOfficer: true },
      select: { id: true, name: true, plan: { select: { provinceCode: true } } },
      orderBy: [{ planId: 'asc' }, { order: 'asc' }],
    }),
  ]);
  return {
    provinces: provinces.map((p) => ({ code: p.code, name: p.name, validTo: isoDay(p.validTo) })),
    unitsOf: provinceCode,
    units: units ?? [],
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, provinceCode: a.plan.provinceCode! })),
    today: today(),
  };
}
