import { z } from 'zod';

// Password lengths and the form to change one's own password. The other rules (common, repetitive, containing the
// e-mail) are checked on the server by passwordProblem (src/server/auth/password.ts): they need its list.

export const MIN_PASSWORD_LENGTH = 12;
/** long passphrases are welcome; the cap only keeps hashing cheap enough that it cannot be used to tie up the server */
export const MAX_PASSWORD_LENGTH = 128;

/** a password field of a form: the length rules come after parsing, so this only refuses what is far too long to hash */
export const passwordField = (message: string) => z.string().max(MAX_PASSWORD_LENGTH * 4, message);

export const changePasswordSchema = z.object({
  current: z
    .string()
    .min(1, 'required')
    .max(MAX_PASSWORD_LENGTH * 4, 'tooLong'),
  password: passwordField('passwordTooLong'),
  confirm: z.string(),
});
