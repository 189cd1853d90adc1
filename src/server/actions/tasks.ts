'use server';
import { tick } from '@/server/activation/tick';
import { refreshUnlessInvalid, serveAction } from '@/server/boundary/action';

// Ticking a task done or reopening it (src/server/activation/tick.ts).

export async function tickTaskAction(raw: unknown) {
  return serveAction(tick, raw, refreshUnlessInvalid);
}
