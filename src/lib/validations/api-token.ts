import { z } from 'zod';
import { MAX_DB_INT } from './ids';

// Personal API tokens: a name to tell them apart, an optional lifetime and a scope; revocation by id.

export const TOKEN_LIFETIMES = [30, 90, 365] as const;

/**
 * What a token may do: "read" answers GET and HEAD only, "read-write" everything its owner's role allows. Chosen at
 * creation, never changed (create another token instead). New tokens are read-only unless writing is asked for: most
 * systems only pull figures, and a leaked read token cannot change any. Tokens made before scopes existed are
 * read-write (the column's default, prisma/migrations/…_api_token_scope).
 */
export const TOKEN_SCOPES = ['read', 'read-write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const DEFAULT_TOKEN_SCOPE: TokenScope = 'read';

export const isTokenScope = (v: unknown): v is TokenScope => (TOKEN_SCOPES as readonly unknown[]).includes(v);

export const createTokenSchema = z.strictObject({
  name: z.string({ error: 'tokenName' }).trim().min(1, { error: 'tokenName' }).max(80, { error: 'tokenName' }),
  /** days; null = until revoked */
  expiresInDays: z
    .union([z.literal(TOKEN_LIFETIMES[0]), z.literal(TOKEN_LIFETIMES[1]), z.literal(TOKEN_LIFETIMES[2]), z.null()], {
      error: 'tokenLifetime',
    })
    .default(null),
  scope: z.enum(TOKEN_SCOPES, { error: 'tokenScope' }).default(DEFAULT_TOKEN_SCOPE),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.strictObject({ id: z.int().positive().max(MAX_DB_INT) });
