import { z } from 'zod';
import { isValidThreshold } from '@/lib/surge';
import { isIsoDate } from '@/lib/surge/plans';
import { dbCount } from '@/lib/validations/ids';

// A new version of a threshold plan, from the admin's plan form. Messages are keys of the 'admin.fieldErrors' messages.

export const COMPARATORS = ['GT', 'GTE', 'LT', 'LTE'] as const;
export const RULES = ['EPIDEMIC_AND_CAPACITY', 'ANY', 'ALL'] as const;
export const CRITERIA = ['cases', 'oxygen', 'beds', 'icu'] as const;

const threshold = z
  .string()
  .trim()
  .min(1, 'required')
  .transform((v) => Number(v.replace(',', '.')))
  .refine((v) => isValidThreshold(v), 'threshold');
const comparator = z.enum(COMPARATORS, { message: 'comparator' });

export const planVersionSchema = z.object({
  /** a province code, or 'default' for the product's default plan */
  target: z
    .string()
    .trim()
    .regex(/^(default|\d{1,3})$/),
  baseVersion: dbCount(),
  validFrom: z
    .string()
    .trim()
    .refine((v) => isIsoDate(v), 'date'),
  rule: z.enum(RULES, { message: 'rule' }),
  casesComparator: comparator,
  casesThreshold: threshold,
  oxygenComparator: comparator,
  oxygenThreshold: threshold,
  bedsComparator: comparator,
  bedsThreshold: threshold,
  icuComparator: comparator,
  icuThreshold: threshold,
  note: z.string().trim().min(1, 'noteRequired').max(500, 'tooLong'),
  name: z.string().trim().max(300, 'tooLong').optional(),
  sourceDocument: z.string().trim().max(300, 'tooLong').optional(),
});
export type PlanVersionInput = z.output<typeof planVersionSchema>;
