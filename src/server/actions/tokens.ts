'use server';
import { revalidatePath } from 'next/cache';
import { createTokenSchema, revokeTokenSchema, type TokenScope } from '@/lib/validations/api-token';
import { createApiToken, revokeApiToken } from '@/server/tokens/api-tokens';
import { guardedAction, type ActionResult } from '@/server/boundary/action';

// Personal API tokens: a user creates and revokes their own (tokens.manage); the token is returned once, here. The
// scope (read or read-write) comes from the form and defaults to read (createTokenSchema).

const create = guardedAction({
  name: 'tokens.create',
  permission: 'tokens.manage',
  schema: createTokenSchema,
  scope: () => ({}),
  run: async ({ user, input }): Promise<ActionResult<{ id: number; token: string; scope: TokenScope }>> => {
    const created = await createApiToken(user, input);
    return created ? { ok: true, data: created } : { ok: false, code: 'forbidden', message: 'permission.denied' };
  },
});

const revoke = guardedAction({
  name: 'tokens.revoke',
  permission: 'tokens.manage',
  schema: revokeTokenSchema,
  scope: () => ({}),
  run: async ({ user, input }): Promise<ActionResult<{ id: number }>> =>
    (await revokeApiToken(user, input.id))
      ? { ok: true, data: { id: input.id } }
      : { ok: false, code: 'not-found', message: 'tokenNotFound' },
});

export async function createToken(
  raw: unknown,
): Promise<ActionResult<{ id: number; token: string; scope: TokenScope }>> {
  const result = await create(raw);
  if (result.ok) revalidatePath('/account/tokens');
  return result;
}

export async function revokeToken(raw: unknown): Promise<ActionResult<{ id: number }>> {
  const result = await revoke(raw);
  if (result.ok) revalidatePath('/account/tokens');
  return result;
}
