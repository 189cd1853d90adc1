import { z } from 'zod';
import { isIsoDate } from '@/lib/surge/plans';
import { dbId } from '@/lib/validations/ids';

// The audit log viewer's filters, from the URL: a value that does not parse is dropped rather than refused, so a
// hand-made URL cannot widen the query.

const date = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v && isIsoDate(v) ? v : undefined));
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

export const auditFilterSchema = z.object({
  actor: text(254),
  /** an exact action ("user.created") or a family ending with a dot ("auth.") */
  action: text(80),
  province: z
    .string()
    .trim()
    // a province's handle: its GSO code, or code~yyyymmdd once it ended and a later province took the code
    .regex(/^\d{1,5}(~\d{8})?$/)
    .optional()
    .catch(undefined),
  from: date,
  to: date,
  before: dbId().optional().catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
