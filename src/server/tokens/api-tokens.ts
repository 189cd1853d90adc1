import 'server-only';
import { SESSION_USER_SELECT } from '@/server/users/session-user';
import { createHash, randomBytes } from 'node:crypto';
import type { RoleName, SessionUser } from '@/lib/roles';
import { isTokenScope, type CreateTokenInput, type TokenScope } from '@/lib/validations/api-token';
import { recordAudit } from '@/server/audit/record';
import { db } from '@/server/db';
import { now } from '@/server/env';
import type { TokenView } from '@/lib/contracts/tokens';

export type { TokenView };

// Personal API tokens. The token is 32 random bytes, shown once; only its SHA-256 is stored (a token is as strong as a
// random key, so a slow password hash would add nothing but latency to every request). It acts as its owner, with the
// owner's current role and scope: deactivating the user or revoking the token stops it at once. Its own scope ("read"
// or "read-write", src/lib/validations/api-token.ts) can only narrow that: authenticate() refuses a read token's writes.

const TOKEN_PREFIX = 'sw_';
/** lastUsedAt is written at most this often, so reads through a token do not each become a write */
const LAST_USED_PRECISION_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export async function listApiTokens(user: SessionUser): Promise<TokenView[]> {
  const prisma = await db();
  const rows = await prisma.apiToken.findMany({
    where: { userId: user.id },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      scope: true,
    },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    ...r,
    scope: scopeOf(r.scope),
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: iso(r.lastUsedAt),
    expiresAt: iso(r.expiresAt),
    revokedAt: iso(r.revokedAt),
  }));
}

/** A stored scope; anything else (the column has a CHECK constraint, so only by hand) is read as the narrower one. */
function scopeOf(stored: string): TokenScope {
  return isTokenScope(stored) ? stored : 'read';
}

/**
 * Creates a token for the user (the action checked tokens.manage). input.scope: the interface and the action always give one (read-only unless asked, createTokenSchema); omitted by
 * server code and tests, it is the column's default, read-write, as for the tokens made before scopes existed.
 */
export async function createApiToken(
  user: SessionUser,
  input: Omit<CreateTokenInput, 'scope'> & { scope?: TokenScope },
): Promise<{ id: number; token: string; scope: TokenScope }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const at = now();
  const expiresAt = input.expiresInDays === null ? null : new Date(at.getTime() + input.expiresInDays * 86_400_000);
  const prisma = await db();
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: user.id,
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        createdAt: at,
        expiresAt,
        scope: input.scope,
      },
      select: { id: true, prefix: true, scope: true },
    });
    await recordAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: 'token.created',
      targetType: 'ApiToken',
      targetId: String(row.id),
      provinceCode: user.provinceCode,
      after: { name: input.name, prefix: row.prefix, expiresAt, scope: row.scope },
    });
    return row;
  });
  return { id: created.id, token, scope: scopeOf(created.scope) };
}

/** Revokes one of the user's own tokens; false when there is no such active token of theirs. */
export async function revokeApiToken(user: SessionUser, id: number): Promise<boolean> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const at = now();
    const { count } = await tx.apiToken.updateMany({
      where: { id, userId: user.id, revokedAt: null },
      data: { revokedAt: at },
    });
    if (count === 0) return false;
    await recordAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: 'token.revoked',
      targetType: 'ApiToken',
      targetId: String(id),
      provinceCode: user.provinceCode,
      after: { revokedAt: at },
    });
    return true;
  });
}

/** The user a Bearer token acts for, or null (unknown, revoked, expired, or its owner deactivated). */
export async function userForToken(token: string): Promise<SessionUser | null> {
  return (await identifyToken(token))?.user ?? null;
}

/** A Bearer token's owner (as userForToken) and the token's own scope. */
export async function identifyToken(token: string): Promise<{ user: SessionUser; scope: TokenScope } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const prisma = await db();
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      scope: true,
      user: {
        select: { ...SESSION_USER_SELECT, active: true },
      },
    },
  });
  const at = now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= at) || !row.user.active) return null;
  if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: at } });
  }
  const { active: _active, ...user } = row.user;
  return { user: { ...user, role: user.role as RoleName }, scope: scopeOf(row.scope) };
}
