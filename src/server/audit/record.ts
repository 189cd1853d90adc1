// No `server-only` here: the seed (run by tsx outside Next) opens the demo activation through the same code path.
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { now } from '@/server/env';

type Client = Pick<PrismaClient, 'auditLog' | 'adminUnit'> | Prisma.TransactionClient;

export interface AuditEntry {
  /** a user, or a named system actor such as { id: null, label: 'system:auto-activation' } */
  actor: { id: number | null; label: string };
  action: string;
  targetType: string;
  targetId: string;
  /** the province's handle (User.provinceCode, Plan.provinceCode...): its unit id is looked up and stored beside it */
  provinceCode?: string | null;
  /** the province's unit id when the caller has it (saves the look-up) */
  provinceId?: number | null;
  before?: unknown;
  after?: unknown;
  /** defaults to the app's clock (now()), so audit times agree with the times the change itself records */
  at?: Date;
}

/**
 * The province unit a handle names. Audit rows carry its id (issue 15): a handle moves to another unit when its code is
 * reused (91 was Kiên Giang, now An Giang), an id does not, and audit rows are never rewritten.
 */
async function provinceIdOf(client: Client, entry: AuditEntry): Promise<number | null> {
  if (entry.provinceId !== undefined) return entry.provinceId;
  if (!entry.provinceCode) return null;
  const unit = await client.adminUnit.findUnique({
    where: { code: entry.provinceCode },
    select: { id: true, depth: true },
  });
  return unit?.depth === 0 ? unit.id : null;
}

/** Appends one audit row. Call it inside the same transaction as the change it records. */
export async function recordAudit(client: Client, entry: AuditEntry): Promise<void> {
  const provinceId = await provinceIdOf(client, entry);
  await client.auditLog.create({
    data: {
      at: entry.at ?? now(),
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      provinceCode: entry.provinceCode ?? null,
      provinceId,
      before:
        entry.before === undefined ? undefined : (JSON.parse(JSON.stringify(entry.before)) as Prisma.InputJsonValue),
      after: entry.after === undefined ? undefined : (JSON.parse(JSON.stringify(entry.after)) as Prisma.InputJsonValue),
    },
  });
}
