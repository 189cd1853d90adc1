import { z } from 'zod';
import { MAX_POPULATION } from '@/lib/validations/populations';

// A populations file: one province's units, `unit_code,year,population[,approximate,source]`, one figure per row.
// Issue codes are keys of the 'admin.populations.import.issues' messages.

export const POPULATION_COLUMNS = ['unit_code', 'year', 'population', 'approximate', 'source'] as const;
export const REQUIRED_POPULATION_COLUMNS = ['unit_code', 'year', 'population'] as const;
/** Kept by people to read the file (the template has it); its values are ignored. */
export const INFORMATIONAL_POPULATION_COLUMNS = ['unit_name'] as const;

export const MIN_POPULATION_YEAR = 2000;
export const MAX_POPULATION_YEAR = 2100;
/**
 * The upload goes through a server action, whose body Next caps at 1 MB: the file stays under it with room for the
 * form's other fields. A province's units over 25 years (about 15,000 rows) take about a third of it.
 */
export const MAX_POPULATION_FILE_BYTES = 900 * 1024;

/** Excel writes TRUE/FALSE, people write có/không or leave the cell empty. */
const YES = new Set(['true', '1', 'yes', 'y', 'x', 'có', 'co']);
const NO = new Set(['false', '0', 'no', 'n', 'không', 'khong', '']);

/** A cell as text: CSV cells are text already; an .xlsx gives numbers and booleans, compared as they are written. */
const cell = z.preprocess(
  (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v)),
  z.string().transform((v) => v.trim()),
);

/**
 * A whole number of people: digits, or digits in groups of three with one separator throughout ("1.234.567",
 * "1,234,567", "1 234 567"), never a decimal ("1234.5" is refused rather than read as 12,345).
 */
const WHOLE = /^(?:\d+|\d{1,3}(?:([.,\s\u00a0])\d{3})(?:\1\d{3})*)$/;

export const populationRowSchema = z.object({
  unit_code: cell.pipe(z.string().min(1, 'required').max(40, 'unknownUnit')),
  year: cell.pipe(
    z
      .string()
      .min(1, 'required')
      .regex(/^\d{4}$/, 'year')
      .transform(Number)
      .refine((y) => y >= MIN_POPULATION_YEAR && y <= MAX_POPULATION_YEAR, 'year'),
  ),
  population: cell.pipe(
    z
      .string()
      .min(1, 'required')
      .regex(WHOLE, 'population')
      .transform((v) => Number(v.replace(/[.,\s\u00a0]/g, '')))
      .refine((v) => v >= 1 && v <= MAX_POPULATION, 'population'),
  ),
  approximate: cell.pipe(
    z
      .string()
      .transform((v) => v.toLowerCase())
      .refine((v) => YES.has(v) || NO.has(v), 'approximate')
      .transform((v) => YES.has(v)),
  ),
  source: cell.pipe(z.string().max(300, 'sourceTooLong')),
});

export type PopulationRow = z.output<typeof populationRowSchema>;

/** The upload form: the province the file is for, a source for rows without one, and the file. */
export const populationImportSchema = z.object({
  provinceCode: z.string().trim().min(1, 'required').max(40, 'notAProvince'),
  source: z.string().trim().max(300, 'tooLong').optional().default(''),
  file: z
    .instanceof(Blob, { message: 'fileRequired' })
    .refine((f) => f.size > 0, 'fileRequired')
    .refine((f) => f.size <= MAX_POPULATION_FILE_BYTES, 'fileTooLarge'),
});
