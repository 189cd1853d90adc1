import { z } from 'zod';

// The sign-in form's credentials, as next-auth hands them to authorize() (src/server/auth/options.ts). Anything that
// does not parse is answered like a wrong password.

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1000),
});
