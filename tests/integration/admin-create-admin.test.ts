import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/db/connection';
import { authenticate } from '@/server/auth/sign-in';
import { createFirstAdmin } from '../../scripts/create-admin';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// The first administrator of a fresh production database, from the command line.

const AT = new Date('2026-11-23T03:00:00Z');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.destroy());

describe('createFirstAdmin', () => {
  it.each([
    [{ email: 'admin@syt.gov.vn', name: 'A', password: 'short' }, 'the password needs at least 12 characters'],
    [{ email: 'admin@syt.gov.vn', name: 'A', password: 'password1234' }, 'the password is too common'],
    [{ email: 'not an email', name: 'A', password: 'mây trắng bay qua đèo' }, 'not a valid email address'],
  ])('refuses %j: %s, and creates nothing', async (input, error) => {
    expect(await createFirstAdmin(db.prisma, input, AT)).toEqual({ ok: false, error });
    expect(await db.prisma.user.count()).toBe(0);
  });

  it('creates an active administrator who can sign in, audited, and refuses the same address twice', async () => {
    const result = await createFirstAdmin(
      db.prisma,
      { email: ' Admin@SYT.gov.vn ', name: 'Quản trị Sở Y tế', password: 'mây trắng bay qua đèo' },
      AT,
    );
    expect(result).toMatchObject({ ok: true, admins: 1 });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@syt.gov.vn' } })).toMatchObject({
      role: 'ADMIN',
      active: true,
      isDemo: false,
      provinceCode: null,
    });
    expect(
      (await authenticate(db.prisma, { email: 'admin@syt.gov.vn', password: 'mây trắng bay qua đèo', ip: null }, AT))
        .ok,
    ).toBe(true);
    expect(
      await db.prisma.auditLog.count({ where: { action: 'user.created', actorLabel: 'system:create-admin' } }),
    ).toBe(1);
    expect(
      await createFirstAdmin(db.prisma, { email: 'admin@syt.gov.vn', name: 'x', password: 'một câu khác hẳn nhé' }, AT),
    ).toMatchObject({ ok: false });
  });
});

describe('npm run users:create-admin', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surgewatch-create-admin-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (password: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dir,
        SURGEWATCH_ADMIN_EMAIL: 'first@syt.gov.vn',
        SURGEWATCH_ADMIN_NAME: 'Quản trị',
        SURGEWATCH_ADMIN_PASSWORD: password,
      },
    });

  it('migrates an empty database, refuses a weak password, then creates the administrator', async () => {
    const weak = run('123456789012');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('Not created: the password is too common.');
    const ok = run('mây trắng bay qua đèo');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Created administrator first@syt\.gov\.vn \(id \d+\); active administrators now: 1\./);
    const database = await openDatabase({ kind: 'embedded', dataDir: dir });
    try {
      expect(await database.prisma.user.findMany({ select: { email: true, role: true } })).toEqual([
        { email: 'first@syt.gov.vn', role: 'ADMIN' },
      ]);
    } finally {
      await database.close();
    }
  }, 240_000);
});
