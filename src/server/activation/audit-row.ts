import type { Prisma } from '@/generated/prisma/client';
import type { AuditEntry } from '@/server/audit';

// The same row as recordAudit (src/server/audit.ts) writes. That module is marked `server-only`, which throws when the
// seed runs under tsx outside Next (`npm run db:seed`), and the seed opens the demo activation through the activation
// code path; so the activation module writes its rows through this copy. Types only are imported from audit.ts.

export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));
  await tx.auditLog.create({
    data: {
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      provinceCode: entry.provinceCode ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
