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

/**
 * Takes the province's lock without changing its data version: the DataVersion row every save of its figures bumps
 * first (src/server/reports/save.ts), so a leader's decision on the plan (activate, dismiss a proposal) and a save's
 * automatic rule run one after the other, in the same order of locks, and never deadlock or cross.
 */
export async function lockProvince(tx: Pick<Prisma.TransactionClient, '$executeRaw'>, provinceCode: string) {
  await tx.$executeRaw`INSERT INTO "DataVersion" ("provinceCode", version, "updatedAt") VALUES (${provinceCode}, 0, now())
    ON CONFLICT ("provinceCode") DO UPDATE SET version = "DataVersion".version`;
}
