import 'server-only';
import type { Prisma } from '@/generated/prisma/client';

/**
 * Bumps the province's data version, in the transaction of the write that changes its figures or their judging
 * (reports, plan thresholds, populations): cached figures and verdicts keyed by it (fingerprint.ts) are recomputed.
 */
export async function bumpDataVersion(
  tx: Pick<Prisma.TransactionClient, 'dataVersion'>,
  provinceCode: string,
): Promise<void> {
  await tx.dataVersion.upsert({
    where: { provinceCode },
    create: { provinceCode, version: 1 },
    update: { version: { increment: 1 } },
  });
}
