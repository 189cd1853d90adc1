import { z } from 'zod';
import { isIsoDate } from '@/lib/surge/plans';
import { dbId } from '@/lib/validations/ids';
import { userStamp } from '@/lib/validations/users';

// The forms of /admin/units (issue 15): moving a user off an ended unit, the facilities a province lists, and catalogue
// updates. Messages are keys of the 'admin.fieldErrors' and 'admin.units' messages.

/** A day, YYYY-MM-DD, between the first catalogue and a far but sane future. */
export const unitDate = z
  .string()
  .trim()
  .refine((v) => isIsoDate(v) && v >= '2000-01-01' && v <= '2100-12-31', 'date');

export const moveScopeSchema = z.object({
  userId: dbId(),
  stamp: userStamp,
  toUnitId: dbId(),
});

const facilityName = z.string().trim().min(1, 'required').max(160, 'tooLong');

export const addFacilitySchema = z.object({
  provinceCode: z.string().trim().min(1, 'required').max(40, 'notAProvince'),
  name: facilityName,
  validFrom: unitDate,
});

/** The facility as the form saw it: a change made meanwhile refuses the save. */
export const facilityStamp = z.string().min(1).max(400);

export const renameFacilitySchema = z.object({
  unitId: dbId(),
  stamp: facilityStamp,
  name: facilityName,
});

export const endFacilitySchema = z.object({
  unitId: dbId(),
  stamp: facilityStamp,
  validTo: unitDate,
});

export function facilityStampOf(u: { name: string; validFrom: string | null; validTo: string | null }): string {
  return [u.name, u.validFrom ?? '', u.validTo ?? ''].join('|');
}

/**
 * A catalogue update goes through a server action, whose body Next caps at 1 MB: both files together stay under it
 * with room for the form (the 2025 reform's full catalogue and succession files take about 760 KB).
 */
export const MAX_CATALOGUE_BYTES = 950 * 1024;

const csvFile = z
  .instanceof(Blob, { message: 'fileRequired' })
  .refine((f) => f.size > 0, 'fileRequired')
  .refine((f) => f.size <= MAX_CATALOGUE_BYTES, 'fileTooLarge');

export const catalogueImportSchema = z
  .object({
    effectiveDate: unitDate,
    catalogue: csvFile,
    succession: csvFile,
  })
  .refine((v) => v.catalogue.size + v.succession.size <= MAX_CATALOGUE_BYTES, {
    message: 'fileTooLarge',
    path: ['catalogue'],
  });
