import { z } from 'zod';
import { dbId } from '@/lib/validations/ids';

// A unit's population for a year, from the admin's populations page. Messages are keys of the 'admin.fieldErrors'
// messages.

export const MAX_POPULATION = 200_000_000;

export const populationSchema = z.object({
  unitId: dbId(),
  year: z.coerce.number({ message: 'year' }).int('year').min(1990, 'year').max(2100, 'year'),
  population: z
    .string()
    .trim()
    .min(1, 'required')
    // Vietnamese and English thousands separators: "1.234.567", "1,234,567", "1 234 567"
    .transform((v) => v.replace(/[\s.,]/g, ''))
    .refine((v) => /^\d+$/.test(v), 'population')
    .transform(Number)
    .refine((v) => v >= 1 && v <= MAX_POPULATION, 'population'),
  approximate: z
    .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
  source: z.string().trim().min(1, 'required').max(300, 'tooLong'),
  /** the figure's updatedAt as the form saw it; empty when the form added a new year */
  expectedUpdatedAt: z.string().trim().max(40).optional().default(''),
});
