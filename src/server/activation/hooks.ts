import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { compareWeeks, lastCompleteWeek, type IsoWeek } from '@/lib/epi-week';
import { activateIfSurge, type OpenResult } from './open';

// The integration point between writes to reports (form, import, API) and the response plan. Every write path calls
// afterReportsSaved inside its transaction, after the rows are written and the province's DataVersion is bumped.

export interface ReportsSavedEvent {
  provinceCode: string;
  /** the weeks whose figures changed */
  weeks: IsoWeek[];
  /** the user whose write triggered this */
  actor: { id: number; label: string };
  now: Date;
}

/**
 * Opens the plan when the write makes the province's verdict for the latest complete week 'surge' and none is open.
 * Only a write to that week can activate: back-filling or correcting an older week describes the past, and the plan
 * responds to the present. The activation is recorded under the system actor, not the user who saved: the user
 * entered figures, the rule opened the plan. Standing down is never automatic (a leader's decision).
 */
export async function afterReportsSaved(
  tx: Prisma.TransactionClient,
  event: ReportsSavedEvent,
): Promise<OpenResult | null> {
  const latest = lastCompleteWeek(event.now);
  if (!event.weeks.some((w) => compareWeeks(w, latest) === 0)) return null;
  return activateIfSurge(tx, { provinceCode: event.provinceCode, week: latest, now: event.now });
}
