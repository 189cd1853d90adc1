import { z } from 'zod';
import { dbId } from '@/lib/validations/ids';

// One schema per input, shared by the server actions and the services (the services are what the tests call).
// Messages are keys of the 'response' namespace, shown next to the field.

export const LIMITS = { reasonMin: 5, reasonMax: 1000, noteMax: 1000 } as const;

const id = dbId();
const reason = z
  .string()
  .trim()
  .min(LIMITS.reasonMin, { message: 'errors.reasonTooShort' })
  .max(LIMITS.reasonMax, { message: 'errors.reasonTooLong' });

export const activateSchema = z.object({
  provinceCode: z.string().regex(/^\d{2}$/, { message: 'errors.invalid' }),
  reason,
});

export const standDownSchema = z.object({ activationId: id, reason });

/** "Không kích hoạt": the proposal (its own province is the scope) and the leader's reason. */
export const dismissProposalSchema = z.object({ proposalId: id, reason });

/** A calendar date YYYY-MM-DD that exists (no 31 February), or empty to clear the due date. */
const dueDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isCalendarDate(v), { message: 'errors.invalidDate' })
  .transform((v) => (v === '' ? null : v));

export const dueDateSchema = z.object({ taskId: id, dueDate, version: id });

export const tickSchema = z.object({
  taskId: id,
  done: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()),
  note: z
    .string()
    .trim()
    .max(LIMITS.noteMax, { message: 'errors.noteTooLong' })
    .optional()
    .transform((v) => (v ? v : null)),
  version: id,
});

export type ActivateInput = z.output<typeof activateSchema>;
export type StandDownInput = z.output<typeof standDownSchema>;
export type DismissProposalInput = z.output<typeof dismissProposalSchema>;
export type DueDateInput = z.output<typeof dueDateSchema>;
export type TickInput = z.output<typeof tickSchema>;

export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
