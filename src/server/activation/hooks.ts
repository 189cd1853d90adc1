import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { runAutomaticRule, type ReportsWritten, type RuleOutcome } from './rule';

// The integration point between writes to reports (form, import, API) and the response plan. Every write path calls
// afterReportsSaved inside its transaction, after the rows are written and the province's DataVersion is bumped (and,
// for the save's warning, after previewConsequence from ./consequence, the same decision this acts on).

export type ReportsSavedEvent = ReportsWritten;

/**
 * Opens the plan when the write makes the province's verdict for the latest complete week a SETTLED surge and none is
 * open; proposes it to the leaders when the surge is not settled yet; withdraws an untouched automatic opening a
 * correction undid (src/server/activation/rule.ts). Only a write to the latest complete week opens or proposes:
 * back-filling or correcting an older week describes the past, and the plan responds to the present. Openings,
 * proposals and withdrawals are recorded under the system actor, not the user who saved: the user entered figures, the
 * rule acted. Standing down is never automatic (a leader's decision).
 */
export async function afterReportsSaved(
  tx: Prisma.TransactionClient,
  event: ReportsSavedEvent,
): Promise<RuleOutcome | null> {
  return runAutomaticRule(tx, event);
}
