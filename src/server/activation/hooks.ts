import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { IsoWeek } from '@/lib/epi-week';

// The integration point between writes to reports (form, import, API) and the response plan. Every write path calls
// afterReportsSaved inside its transaction, after the rows are written and the province's DataVersion is bumped.
// The activation module (issue 6) decides here whether the province's verdict for the latest complete week opens the plan.

export interface ReportsSavedEvent {
  provinceCode: string;
  /** the weeks whose figures changed */
  weeks: IsoWeek[];
  /** the user whose write triggered this */
  actor: { id: number; label: string };
  now: Date;
}

export async function afterReportsSaved(_tx: Prisma.TransactionClient, _event: ReportsSavedEvent): Promise<void> {
  // Activation is wired in by src/server/activation (the response-plan issue).
}
