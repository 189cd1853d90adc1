import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as unitRoute from '@/app/api/v1/reports/[unitCode]/[isoWeek]/route';
import * as importRoute from '@/app/api/v1/reports/import/route';
import * as listRoute from '@/app/api/v1/reports/route';
import type { SessionUser } from '@/lib/roles';
import { createTokenSchema } from '@/lib/validations/api-token';
import { createApiToken, identifyToken, listApiTokens, revokeApiToken, userForToken } from '@/server/tokens/api-tokens';
import { calmFigures, everyUnit, referenceProvince, reports, user } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Personal API tokens: shown once, stored as a SHA-256 hash, acting as their owner, revocable, expiring, lastUsedAt;
// a scope (read, read-write) chosen at creation, a read token refused (403) on anything but GET and HEAD.

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');

let db: TestDatabase;
let entry: SessionUser;
let leader: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  // Lai Châu as the seed stores it (the requests name its units), reported in W40 and W41, and two of its users
  const lc = await referenceProvince(db.prisma, '12');
  for (const isoWeek of [40, 41]) await reports(db.prisma, lc, { isoYear: 2026, isoWeek }, everyUnit(lc, calmFigures));
  useAsAppDatabase(db);
  entry = await user(db.prisma, 'PROVINCIAL_DATA_ENTRY', { province: lc });
  leader = await user(db.prisma, 'PROVINCIAL_LEADER', { province: lc });
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
    expect(await db.prisma.auditLog.count({ where: { action: 'token.created', targetId: String(created!.id) } })).toBe(
      1,
    );
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

  it.each(['', 'sw_', 'sw_not-a-token', 'Bearer sw_x', `sw_${'a'.repeat(300)}`, 'ghp_abcdef'])(
    'refuse %j',
    async (token) => {
      expect(await userForToken(token)).toBeNull();
    },
  );
});

describe('token scopes (issue 11)', () => {
  const BASE = 'http://surgewatch.test';
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const refusals = () => db.prisma.auditLog.count({ where: { action: 'permission.denied' } });
  const reportsWritten = () => db.prisma.auditLog.count({ where: { targetType: 'WeeklyReport' } });

  it('are read-only unless writing is asked for in the form, and a bad scope is refused naming the field', () => {
    expect(createTokenSchema.parse({ name: 'x' }).scope).toBe('read');
    expect(createTokenSchema.parse({ name: 'x', scope: 'read-write' }).scope).toBe('read-write');
    for (const scope of ['write', 'READ', 'admin', '', null, 1, ['read']]) {
      const parsed = createTokenSchema.safeParse({ name: 'x', scope });
      expect(parsed.success, String(scope)).toBe(false);
      expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['scope', 'tokenScope']]);
    }
  });

  it('are stored, listed, returned and audited with the token', async () => {
    const read = (await createApiToken(entry, { name: 'chỉ đọc', expiresInDays: 90, scope: 'read' }))!;
    const write = (await createApiToken(entry, { name: 'đọc ghi', expiresInDays: 90, scope: 'read-write' }))!;
    expect([read.scope, write.scope]).toEqual(['read', 'read-write']);
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: read.id } })).scope).toBe('read');
    const listed = await listApiTokens(entry);
    expect(listed.find((t) => t.id === read.id)?.scope).toBe('read');
    expect(listed.find((t) => t.id === write.id)?.scope).toBe('read-write');
    expect(await identifyToken(read.token)).toEqual({ user: entry, scope: 'read' });
    expect(await identifyToken(write.token)).toEqual({ user: entry, scope: 'read-write' });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'token.created', targetId: String(read.id) },
    });
    expect(audit.after).toMatchObject({ name: 'chỉ đọc', scope: 'read' });
  });

  it('keep tokens made before scopes read-write (the migration’s default), and the column takes no other value', async () => {
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "ApiToken" ("userId", "name", "tokenHash", "prefix") VALUES ($1, 'cũ', $2, 'sw_old0000')`,
      entry.id,
      createHash('sha256').update('sw_made-before-scopes').digest('hex'),
    );
    expect(await identifyToken('sw_made-before-scopes')).toEqual({ user: entry, scope: 'read-write' });
    await expect(
      db.prisma.$executeRawUnsafe(`UPDATE "ApiToken" SET "scope" = 'admin' WHERE "prefix" = 'sw_old0000'`),
    ).rejects.toThrow();
    expect((await identifyToken('sw_made-before-scopes'))?.scope).toBe('read-write');
  });

  it('a read token reads; every write through it is refused with 403 naming the scope, audited, and changes nothing', async () => {
    const read = (await createApiToken(entry, { name: 'đọc', expiresInDays: null, scope: 'read' }))!;
    const listed = await listRoute.GET(
      new Request(`${BASE}/api/v1/reports?province=12&from=2026-W40&to=2026-W40`, { headers: bearer(read.token) }),
    );
    expect(listed.status).toBe(200);
    const one = await unitRoute.GET(
      new Request(`${BASE}/api/v1/reports/107/2026-W40`, { headers: bearer(read.token) }),
      { params: Promise.resolve({ unitCode: '107', isoWeek: '2026-W40' }) },
    );
    expect(one.status).toBe(200);
    const { version, report } = await one.json();
    const before = { refusals: await refusals(), written: await reportsWritten(), report };

    const body = JSON.stringify({
      ...report,
      updatedAt: undefined,
      updatedBy: undefined,
      version,
      freeCovidBeds: (report?.freeCovidBeds ?? 0) + 1,
    });
    const attempts: Array<[string, () => Promise<Response>]> = [
      [
        'PUT',
        () =>
          unitRoute.PUT(
            new Request(`${BASE}/api/v1/reports/107/2026-W40?confirm=warnings`, {
              method: 'PUT',
              headers: { ...bearer(read.token), 'content-type': 'application/json' },
              body,
            }),
            { params: Promise.resolve({ unitCode: '107', isoWeek: '2026-W40' }) },
          ),
      ],
      [
        'POST import',
        () =>
          importRoute.POST(
            new Request(`${BASE}/api/v1/reports/import?province=12&confirm=warnings`, {
              method: 'POST',
              headers: { ...bearer(read.token), 'content-type': 'text/csv' },
              body: 'unit_code,iso_week,new_cases\n107,2026-W40,1\n',
            }),
          ),
      ],
    ];
    for (const [label, attempt] of attempts) {
      const res = await attempt();
      expect(res.status, label).toBe(403);
      const json = await res.json();
      expect(json, label).toMatchObject({ ok: false, tokenScope: 'read', fieldErrors: {} });
      expect(json.message, label).toContain('“read”');
      expect(json.message, label).toContain('chỉ có quyền đọc');
    }
    // in the caller's language
    const en = await importRoute.POST(
      new Request(`${BASE}/api/v1/reports/import?province=12`, {
        method: 'POST',
        headers: { ...bearer(read.token), 'accept-language': 'en' },
        body: 'x',
      }),
    );
    expect((await en.json()).message).toContain('read-only (scope “read”)');

    expect(await refusals()).toBe(before.refusals + 3);
    expect(await reportsWritten()).toBe(before.written);
    const after = await unitRoute.GET(
      new Request(`${BASE}/api/v1/reports/107/2026-W40`, { headers: bearer(read.token) }),
      { params: Promise.resolve({ unitCode: '107', isoWeek: '2026-W40' }) },
    );
    expect((await after.json()).report).toEqual(report);
  });

  it('a read-write token of the same owner writes', async () => {
    const write = (await createApiToken(entry, { name: 'ghi', expiresInDays: null, scope: 'read-write' }))!;
    const params = { params: Promise.resolve({ unitCode: '107', isoWeek: '2026-W41' }) };
    const { version, report } = await (
      await unitRoute.GET(new Request(`${BASE}/api/v1/reports/107/2026-W41`, { headers: bearer(write.token) }), params)
    ).json();
    const { updatedAt: _a, updatedBy: _b, version: _v, ...figures } = report ?? {};
    const res = await unitRoute.PUT(
      new Request(`${BASE}/api/v1/reports/107/2026-W41?confirm=warnings`, {
        method: 'PUT',
        headers: { ...bearer(write.token), 'content-type': 'application/json' },
        body: JSON.stringify({ ...figures, freeCovidBeds: (figures.freeCovidBeds ?? 0) + 1, version }),
      }),
      { params: Promise.resolve({ unitCode: '107', isoWeek: '2026-W41' }) },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).version).toBe(version + 1);
  });
});
