import { z } from 'zod';
import { isoWeekSchema, levelChangeKeySchema, unitCodeSchema } from './weekly-report';

// The query and path parameters of /api/v1/reports (docs/api.md). Issue messages are codes, as in the report schema;
// the route wrapper translates them. Defaults that depend on the caller (their province, the last complete week) are
// the reports API's business (src/server/reports/api.ts), not the schema's.

/** Every query parameter the reports API reads: the route wrapper reads only these keys and ignores any other. */
export const reportsQuerySchema = z.object({
  province: unitCodeSchema.optional(),
  from: isoWeekSchema.optional(),
  to: isoWeekSchema.optional(),
  format: z.enum(['csv', 'xlsx'], { error: 'badFormat' }).optional(),
  week: isoWeekSchema.optional(),
  confirm: z.literal('warnings', { error: 'badConfirm' }).optional(),
  /** the key of the level change the caller confirms (the 422's levelChange warning); any other text asks again */
  levelChange: levelChangeKeySchema,
});
export type ReportsQuery = z.output<typeof reportsQuerySchema>;

/** /api/v1/reports/{unitCode}/{isoWeek} */
export const reportPathSchema = z.object({ unitCode: unitCodeSchema, isoWeek: isoWeekSchema });
