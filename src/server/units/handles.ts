import 'server-only';
import { cache } from 'react';
import { weekThursday, type IsoWeek } from '@/lib/epi-week';
import { db } from '@/server/db';
import { validOnWhere } from './validity';

// Codes in URLs are resolved with the week they concern (issue 15, docs/adr/0014-units-in-time.md): a path names a
// unit by its handle (`91`, or `91~20250630` once a later unit took the code). A plain GSO code opened for a week
// outside its holder's validity means the unit that held that code in that week: the pages redirect there. An ended
// unit's pages say so, with its successors.

export interface HandleUnit {
  id: number;
  code: string;
  gsoCode: string;
  name: string;
  kind: string;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface EndedNotice {
  validTo: string;
  successors: Array<{ code: string; name: string; share: string; provinceCode: string; kind: string }>;
}

const SELECT = {
  id: true,
  code: true,
  gsoCode: true,
  name: true,
  kind: true,
  provinceCode: true,
  validFrom: true,
  validTo: true,
} as const;

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function toUnit(u: {
  id: number;
  code: string;
  gsoCode: string;
  name: string;
  kind: string;
  provinceCode: string;
  validFrom: Date | null;
  validTo: Date | null;
}): HandleUnit {
  return { ...u, validFrom: isoDay(u.validFrom), validTo: isoDay(u.validTo) };
}

/** The unit a handle names, or null. Once per request (React `cache`): the layout and the page share it. */
export const unitByHandle = cache(async (handle: string): Promise<HandleUnit | null> => {
  if (handle.length > 60) return null;
  const prisma = await db();
  const u = await prisma.adminUnit.findUnique({ where: { code: handle }, select: SELECT });
  return u ? toUnit(u) : null;
});

const validOnDay = (u: HandleUnit, day: string) =>
  (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day);

/**
 * Where a handle opened for a week should go: null when it stays (a handle naming an ended unit explicitly, a unit
 * valid that week, or no other unit of its kind and GSO code valid then); else the unit holding the code in that
 * week (its handle and its province's).
 */
export async function handleForWeek(
  unit: HandleUnit,
  week: IsoWeek,
): Promise<{ code: string; provinceCode: string } | null> {
  const thursday = weekThursday(week);
  // `91~20250630` names one unit whatever the week: only a plain GSO code is resolved
  if (unit.code !== unit.gsoCode || validOnDay(unit, thursday)) return null;
  const prisma = await db();
  const other = await prisma.adminUnit.findFirst({
    where: { gsoCode: unit.gsoCode, kind: unit.kind, id: { not: unit.id }, ...validOnWhere(thursday) },
    select: { code: true, provinceCode: true },
  });
  return other ?? null;
}

/** An ended unit's last day and the units it went into (full first); null while it is valid or has no end. */
export async function endedNotice(unit: HandleUnit, today: string): Promise<EndedNotice | null> {
  if (unit.validTo === null || unit.validTo >= today) return null;
  const prisma = await db();
  const links = await prisma.unitSuccession.findMany({
    where: { fromId: unit.id },
    select: { share: true, to: { select: { code: true, name: true, provinceCode: true, kind: true } } },
    orderBy: [{ share: 'asc' }, { toId: 'asc' }],
  });
  return {
    validTo: unit.validTo,
    successors: links.map((l) => ({ ...l.to, share: l.share })),
  };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** The same search parameters as a query string ('' when none), for a redirect that keeps the page's filters. */
export function queryOf(params: SearchParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, value);
  const s = q.toString();
  return s ? `?${s}` : '';
}
