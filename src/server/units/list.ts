import 'server-only';
import { todayInVietnam } from '@/server/activation/task-rows';
import { db } from '@/server/db';
import { now } from '@/server/env';
import { validOnWhere } from './validity';

// The province list (/provinces): the provinces valid today, and the former ones (ended) with the province(s) they
// went into, whose pages keep their history.

export interface ProvinceListEntry {
  code: string;
  gsoCode: string;
  name: string;
}

export interface FormerProvince extends ProvinceListEntry {
  validTo: string;
  successors: Array<{ code: string; name: string; share: string }>;
}

export function today(): string {
  return todayInVietnam(now());
}

export async function getProvinceList(): Promise<{ current: ProvinceListEntry[]; former: FormerProvince[] }> {
  const prisma = await db();
  const day = today();
  const select = { code: true, gsoCode: true, name: true } as const;
  const [current, former] = await Promise.all([
    prisma.adminUnit.findMany({ where: { kind: 'province', depth: 0, ...validOnWhere(day) }, select }),
    prisma.adminUnit.findMany({
      where: { kind: 'province', depth: 0, validTo: { lt: new Date(`${day}T00:00:00Z`) } },
      select: {
        ...select,
        validTo: true,
        successors: {
          select: { share: true, to: { select: { code: true, name: true } } },
          orderBy: [{ share: 'asc' }, { toId: 'asc' }],
        },
      },
    }),
  ]);
  // the GSO order (north to south), as officials read the list
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  return {
    current: current.sort(byCode),
    former: former
      .map((p) => ({
        code: p.code,
        gsoCode: p.gsoCode,
        name: p.name,
        validTo: p.validTo!.toISOString().slice(0, 10),
        successors: p.successors.map((s) => ({ ...s.to, share: s.share })),
      }))
      .sort(byCode),
  };
}
