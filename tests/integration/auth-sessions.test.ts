import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSessionUser } from '@/server/auth/current-user';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '@/server/auth/session-policy';
import { province, user } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// A session token stands for its user only while it is fresh and its session version is the user's.

const T = new Date('2026-11-23T03:00:00Z');
let db: TestDatabase;
let userId: number;
let provinceCode: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const p = await province(db.prisma, { responsePlan: false });
  provinceCode = p.code;
  useAsAppDatabase(db);
  userId = (await user(db.prisma, 'PROVINCIAL_LEADER', { province: p })).id;
});
afterAll(async () => db?.destroy());

const claims = async (over: object = {}) => {
  const u = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return { uid: u.id, sv: u.sessionVersion, authAt: T.getTime() - 60_000, seen: T.getTime() - 60_000, ...over };
};

describe('resolveSessionUser', () => {
  it('returns the user, scope included, for a fresh token of the current version', async () => {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    // exactly the SessionUser fields, read with the driver's own types (numbers, null, the role as text)
    expect(await resolveSessionUser(db.sql, await claims(), T)).toStrictEqual({
      id: userId,
      email: u.email,
      name: u.name,
      role: 'PROVINCIAL_LEADER',
      provinceCode,
      unitId: null,
      agencyId: null,
    });
  });

  it('refuses a token idle for 30 minutes, or 12 hours after sign-in however active', async () => {
    expect(await resolveSessionUser(db.sql, await claims({ seen: T.getTime() - IDLE_TIMEOUT_MS }), T)).toBeNull();
    expect(
      await resolveSessionUser(db.sql, await claims({ seen: T.getTime() - IDLE_TIMEOUT_MS + 1000 }), T),
    ).not.toBeNull();
    expect(
      await resolveSessionUser(
        db.sql,
        await claims({ authAt: T.getTime() - ABSOLUTE_TIMEOUT_MS, seen: T.getTime() }),
        T,
      ),
    ).toBeNull();
  });

  it('refuses a token from before a session-version bump (sign-out, password, role change)', async () => {
    const old = await claims();
    await db.prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolveSessionUser(db.sql, old, T)).toBeNull();
    expect(await resolveSessionUser(db.sql, await claims(), T)).not.toBeNull();
  });

  it('refuses a deactivated user and an unknown one', async () => {
    const c = await claims();
    await db.prisma.user.update({ where: { id: userId }, data: { active: false } });
    expect(await resolveSessionUser(db.sql, c, T)).toBeNull();
    expect(await resolveSessionUser(db.sql, { ...c, uid: 999_999 }, T)).toBeNull();
    expect(await resolveSessionUser(db.sql, null, T)).toBeNull();
  });
});
