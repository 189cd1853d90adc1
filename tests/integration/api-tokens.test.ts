import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/roles';
import { createApiToken, listApiTokens, revokeApiToken, userForToken } from '@/server/api/tokens';
import { seedIfEmpty } from '@/server/seed';
import { DEMO, sessionUser } from '../fixtures/session-users';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Personal API tokens: shown once, stored as a SHA-256 hash, acting as their owner, revocable, expiring, lastUsedAt.

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');

let db: TestDatabase;
let entry: SessionUser;
let leader: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedIfEmpty(db.prisma, { demo: true, now: NOW });
  useAsAppDatabase(db);
  entry = await sessionUser(db.prisma, DEMO.dataEntryLC);
  leader = await sessionUser(db.prisma, DEMO.leaderLC);
});
afterAll(async () => db?.destroy());

describe('personal API tokens', () => {
  it('are stored as a hash only, and act as their owner with the owner’s scope', async () => {
    const created = await createApiToken(entry, { name: 'CDC tỉnh', expiresInDays: null });
    expect(created?.token).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created!.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(created!.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created!.token.slice(3));
    expect(row.prefix).toBe(created!.token.slice(0, 10));
    expect(await userForToken(created!.token)).toEqual(entry);
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: created!.id } })).lastUsedAt).toEqual(NOW);
    expect(await db.prisma.auditLog.count({ where: { action: 'token.created', targetId: String(created!.id) } })).toBe(1);
  });

  it('stop working once revoked, and only their owner revokes them', async () => {
    const created = (await createApiToken(entry, { name: 'to revoke', expiresInDays: 30 }))!;
    expect(await revokeApiToken(leader, created.id)).toBe(false);
    expect(await userForToken(created.token)).not.toBeNull();
    expect(await revokeApiToken(entry, created.id)).toBe(true);
    expect(await userForToken(created.token)).toBeNull();
    expect(await revokeApiToken(entry, created.id)).toBe(false); // already revoked
    const listed = await listApiTokens(entry);
    expect(listed.find((t) => t.id === created.id)).toMatchObject({ revokedAt: NOW.toISOString(), name: 'to revoke' });
    expect(await listApiTokens(leader)).toEqual([]);
  });

  it('stop working when expired or when their owner is deactivated', async () => {
    const expiring = (await createApiToken(leader, { name: 'short', expiresInDays: 30 }))!;
    await db.prisma.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(NOW.getTime() - 1) } });
    expect(await userForToken(expiring.token)).toBeNull();
    const other = (await createApiToken(leader, { name: 'owner goes', expiresInDays: null }))!;
    expect(await userForToken(other.token)).toMatchObject({ id: leader.id });
    await db.prisma.user.update({ where: { id: leader.id }, data: { active: false } });
    expect(await userForToken(other.token)).toBeNull();
    await db.prisma.user.update({ where: { id: leader.id }, data: { active: true } });
  });

  it.each(['', 'sw_', 'sw_not-a-token', 'Bearer sw_x', `sw_${'a'.repeat(300)}`, 'ghp_abcdef'])('refuse %j', async (token) => {
    expect(await userForToken(token)).toBeNull();
  });
});
