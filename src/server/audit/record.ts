// No `server-only` here: the seed (run by tsx outside Next) opens the demo activation through the same code path.
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { now } from '@/server/env';

type Client = Pick<PrismaClient, 'auditLog'> | Prisma.TransactionClient;

export interface AuditEntry {
  /** a user, or a named system actor such as { id: null, label: 'system:auto-activation' } */
  actor: { id: number | null; label: string };
  action: string;
  targetType: string;
  targetId: string;
  provinceCode?: string | null;
  before?: unknown;
  after?: unknown;
  /** defaults to the app's clock (now()), so audit times agree with the times the change itself records */
  at?: Date;
}

/** Appends one audit row. Call it inside the same transaction as the change it records. */
export async function recordAudit(client: Client, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      at: entry.at ?? now(),
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      provinceCode: entry.provinceCode ?? null,
      before:
        entry.before === undefined ? undefined : (JSON.parse(JSON.stringify(entry.before)) as Prisma.InputJsonValue),
      after: entry.after === undefined ? undefined : (JSON.parse(JSON.stringify(entry.after)) as Prisma.InputJsonValue),
    },
  });
}
