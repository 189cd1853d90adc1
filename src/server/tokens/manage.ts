import 'server-only';
import { createTokenSchema, revokeTokenSchema } from '@/lib/validations/api-token';
import { defineAction } from '@/server/boundary/action';
import { createApiToken, revokeApiToken } from './api-tokens';

// Personal API tokens as actions: a user creates and revokes their own (tokens.manage); the token is returned once,
// here. The scope (read or read-write) comes from the form and defaults to read (createTokenSchema).

export const createToken = defineAction({
  name: 'tokens.create',
  permission: 'tokens.manage',
  schema: createTokenSchema,
  scope: () => ({}),
  run: async ({ user, input }) => ({ ok: true, data: await createApiToken(user, input) }) as const,
});

export const revokeToken = defineAction({
  name: 'tokens.revoke',
  permission: 'tokens.manage',
  schema: revokeTokenSchema,
  scope: () => ({}),
  run: async ({ user, input }) =>
    (await revokeApiToken(user, input.id))
      ? ({ ok: true, data: { id: input.id } } as const)
      : ({ ok: false, code: 'not-found', message: 'tokenNotFound' } as const),
});
