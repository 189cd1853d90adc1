import { z } from 'zod';
import { ROLES } from '@/lib/roles';
import { dbId } from '@/lib/validations/ids';
import { passwordField } from '@/lib/validations/password';

// Input of the user-management forms. Messages are keys of the 'admin.fieldErrors' messages.

const optionalId = z
  .union([z.literal(''), dbId()])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));
// a province's handle: its GSO code, or code~yyyymmdd once it ended and a later province took the code
const optionalCode = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => (v ? v : null));

export const scopeFields = {
  role: z.enum(ROLES, { message: 'role' }),
  provinceCode: optionalCode,
  unitId: optionalId,
  agencyId: optionalId,
};

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'tooLong').email('email'),
  name: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  password: passwordField('passwordTooLong'),
  ...scopeFields,
});
export type CreateUserInput = z.output<typeof createUserSchema>;

/** The editable fields as the form saw them: a save is refused when someone changed the user meanwhile. */
export const userStamp = z.string().min(1).max(200);

export const updateUserSchema = z.object({
  userId: dbId(),
  stamp: userStamp,
  name: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  ...scopeFields,
});

export const setActiveSchema = z.object({
  userId: dbId(),
  stamp: userStamp,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const resetPasswordSchema = z.object({
  userId: dbId(),
  password: passwordField('passwordTooLong'),
  confirm: z.string(),
});

/** The users list's filters, from the URL: a value that does not parse is dropped rather than refused. */
export const userFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  province: z
    .string()
    .regex(/^\d{1,5}(~\d{8})?$/)
    .optional()
    .catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
});

export function stampOf(u: {
  name: string;
  role: string;
  provinceCode: string | null;
  unitId: number | null;
  agencyId: number | null;
  active: boolean;
}): string {
  return [u.role, u.provinceCode ?? '', u.unitId ?? '', u.agencyId ?? '', u.active ? 1 : 0, u.name].join('|');
}
