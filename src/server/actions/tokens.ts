'use server';
import { revalidatePath } from 'next/cache';
import { serveAction } from '@/server/boundary/action';
import * as tokens from '@/server/tokens/manage';

// Personal API tokens (src/server/tokens/manage.ts).

const revalidate = (result: { ok: boolean }) => {
  if (result.ok) revalidatePath('/account/tokens');
};

export async function createToken(raw: unknown) {
  return serveAction(tokens.createToken, raw, revalidate);
}

export async function revokeToken(raw: unknown) {
  return serveAction(tokens.revokeToken, raw, revalidate);
}
