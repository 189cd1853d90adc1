import { z } from 'zod';

// Personal API tokens: a name to tell them apart and an optional lifetime; revocation by id.

export const TOKEN_LIFETIMES = [30, 90, 365] as const;

export const createTokenSchema = z.strictObject({
  name: z.string({ error: 'tokenName' }).trim().min(1, { error: 'tokenName' }).max(80, { error: 'tokenName' }),
  /** days; null = until revoked */
  expiresInDays: z
    .union([z.literal(TOKEN_LIFETIMES[0]), z.literal(TOKEN_LIFETIMES[1]), z.literal(TOKEN_LIFETIMES[2]), z.null()], { error: 'tokenLifetime' })
    .default(null),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.strictObject({ id: z.int().positive() });
