import 'server-only';
import { can, canManageActivation } from '@/lib/permissions';
import { formatIsoWeek, lastCompleteWeek } from '@/lib/epi-week';
import type { CountField, SurgeLevel } from '@/lib/surge';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
import { missingReports } from '@/server/verdicts/missing';
import type { ActivationSnapshot } from '@/server/verdicts/province-verdict';

// What the province page and the response page show of the province's open activation proposal: its week and level,
// "chưa chốt", the units and figures still missing (read now, not when it was made: reports keep arriving), and for
// the leaders the two decisions. Every role that reads the response plan sees it (data entry most of all: the missing
// reports are theirs to enter); only activation.manage gets the buttons.

export interface ProposalView {
  id: number;
  week: string;
  level: SurgeLevel;
  createdAt: string;
  updatedAt: string;
  completeness: { reported: number; expected: number } | null;
  missing: Array<{ unitCode: string; unitName: string; kind: string; fields: CountField[] }>;
  /** the bodies that would get tasks if the plan were activated */
  agencies: number;
  canManage: boolean;
  /** may enter the missing figures (reports.write in the province) */
  canEnter: boolean;
}

/**
 * The province's open proposal, or null. A proposal of a week older than the latest complete week is never shown as
 * current, even before a write closes it as replaced.
 */
export async function getActivationProposal(
  user: SessionUser,
  provinceCode: string,
  now: Date,
): Promise<ProposalView | null> {
  if (!can(user, 'activation.read', { provinceCode })) return null;
  const latest = lastCompleteWeek(now);
  const prisma = await db();
  const proposal = await prisma.activationProposal.findFirst({
    where: {
      status: 'OPEN',
      isoYear: latest.isoYear,
      isoWeek: latest.isoWeek,
      province: { code: provinceCode, kind: 'province' },
    },
    select: { id: true, snapshot: true, createdAt: true, updatedAt: true },
  });
  if (!proposal) return null;
  // a plan already open (a leader's activation that raced a save's proposal) makes the proposal moot until the next
  // save closes it: never two "kích hoạt" beside each other
  const open = await prisma.activation.findFirst({
    where: { status: 'OPEN', province: { code: provinceCode, kind: 'province' } },
    select: { id: true },
  });
  if (open) return null;
  const snapshot = proposal.snapshot as unknown as ActivationSnapshot;
  const [missing, agencies] = await Promise.all([
    missingReports(prisma, provinceCode, latest),
    prisma.agency.count({ where: { templates: { some: {} }, plan: { key: snapshot.plan.key } } }),
  ]);
  return {
    id: proposal.id,
    week: formatIsoWeek(latest),
    level: snapshot.level,
    createdAt: proposal.createdAt.toISOString(),
    updatedAt: proposal.updatedAt.toISOString(),
    completeness: snapshot.completeness
      ? { reported: snapshot.completeness.reported, expected: snapshot.completeness.expected }
      : null,
    missing,
    agencies,
    canManage: canManageActivation(user, provinceCode),
    canEnter: can(user, 'reports.write', { provinceCode }),
  };
}
