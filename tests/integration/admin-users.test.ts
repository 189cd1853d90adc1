import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleName, SessionUser } from '@/lib/roles';
import { stampOf } from '@/lib/validations/users';
import { createUserAs, resetPasswordAs, setUserActiveAs, updateUserAs } from '@/server/users/save';
import { authenticate } from '@/server/auth/sign-in';
import { DEMO_EMAILS } from '@/server/seed/demo-accounts';
import { demoAccounts, referenceProvince, TEST_PASSWORD } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

process.env.SURGEWATCH_NOW ??= '2026-11-23T03:00:00Z';
const NOW = new Date(process.env.SURGEWATCH_NOW);
let db: TestDatabase;
let admin: SessionUser;
let leaderKG: SessionUser;

async function sessionUser(email: string): Promise<SessionUser> {
  const u = await db.prisma.user.findUniqueOrThrow({ where: { email } });
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as RoleName,
    provinceCode: u.provinceCode,
    unitId: u.unitId,
    agencyId: u.agencyId,
  };
}
const stamp = async (id: number) => stampOf(await db.prisma.user.findUniqueOrThrow({ where: { id } }));
const PASSWORD = 'mây trắng bay qua đèo';

beforeAll(async () => {
  db = await createTestDatabase();
  // Kiên Giang, Lai Châu and Hà Nam as the seed stores them, with the demo's accounts (signing in with TEST_PASSWORD)
  for (const code of ['91', '12', '35']) await referenceProvince(db.prisma, code);
  await demoAccounts(db.prisma);
  useAsAppDatabase(db);
  admin = await sessionUser(DEMO_EMAILS.admin);
  leaderKG = await sessionUser(DEMO_EMAILS.leaderKG);
});
afterAll(async () => db?.destroy());

describe('creating users', () => {
  it('refuses anyone but an administrator, audits the refusal and creates nothing', async () => {
    const before = await db.prisma.user.count();
    const result = await createUserAs(leaderKG, {
      email: 'x@syt.gov.vn',
      name: 'X',
      role: 'ADMIN',
      password: PASSWORD,
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.prisma.user.count()).toBe(before);
    expect(
      await db.prisma.auditLog.findFirst({
        where: { action: 'permission.denied', targetId: 'admin.createUser', actorId: leaderKG.id },
      }),
    ).not.toBeNull();
    expect(await createUserAs(null, {})).toMatchObject({ ok: false, code: 'unauthenticated' });
  });

  it('creates a district officer, deriving the province from the district, and audits it without the hash', async () => {
    const district = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '106' } });
    const result = await createUserAs(admin, {
      email: ' Can.Bo@Syt.LaiChau.gov.vn ',
      name: 'Cán bộ mới',
      role: 'LOCAL_OFFICER',
      unitId: String(district.id),
      provinceCode: '',
      password: PASSWORD,
    });
    expect(result).toMatchObject({ ok: true });
    const created = await db.prisma.user.findUniqueOrThrow({ where: { email: 'can.bo@syt.laichau.gov.vn' } });
    expect(created).toMatchObject({
      role: 'LOCAL_OFFICER',
      provinceCode: '12',
      unitId: district.id,
      agencyId: null,
      active: true,
    });
    expect(created.passwordHash.startsWith('$argon2id$')).toBe(true);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'user.created', targetId: String(created.id) },
    });
    expect(audit).toMatchObject({ actorId: admin.id, provinceCode: '12' });
    expect(JSON.stringify(audit)).not.toContain('argon2');
    expect((await authenticate(db.prisma, { email: created.email, password: PASSWORD, ip: null }, NOW)).ok).toBe(true);
  });

  it.each([
    [{ role: 'PROVINCIAL_LEADER' }, 'provinceCode', 'provinceRequired'],
    [{ role: 'PROVINCIAL_LEADER', provinceCode: '899' }, 'provinceCode', 'notAProvince'],
    [{ role: 'LOCAL_OFFICER' }, 'unitId', 'unitRequired'],
    [{ role: 'AGENCY_OFFICER' }, 'agencyId', 'agencyRequired'],
    [{ role: 'KING' }, 'role', 'role'],
    [{ role: 'ADMIN', password: 'short-pass' }, 'password', 'passwordTooShort'],
    [{ role: 'ADMIN', password: 'password1234' }, 'password', 'passwordCommon'],
    [{ role: 'ADMIN', email: 'not-an-email' }, 'email', 'email'],
    [{ role: 'ADMIN', email: DEMO_EMAILS.admin }, 'email', 'emailTaken'],
    [{ role: 'ADMIN', name: '  ' }, 'name', 'required'],
  ])('refuses %j with %s: %s next to the field', async (over, field, message) => {
    const before = await db.prisma.user.count();
    const result = await createUserAs(admin, {
      email: 'new.person@syt.gov.vn',
      name: 'Người mới',
      password: PASSWORD,
      ...over,
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { [field]: [message] } });
    expect(await db.prisma.user.count()).toBe(before);
  });

  it('refuses a district of another province than the one chosen', async () => {
    const district = await db.prisma.adminUnit.findUniqueOrThrow({ where: { code: '899' } }); // Rạch Giá, Kiên Giang
    const result = await createUserAs(admin, {
      email: 'y@syt.gov.vn',
      name: 'Y',
      role: 'LOCAL_OFFICER',
      provinceCode: '12',
      unitId: String(district.id),
      password: PASSWORD,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { unitId: ['unitOutsideProvince'] } });
  });
});

describe('changing role and scope', () => {
  it('moves a leader to another province: signs them out, revokes their tokens, audits before and after', async () => {
    const target = await sessionUser(DEMO_EMAILS.leaderLC);
    const token = await db.prisma.apiToken.create({
      data: { userId: target.id, name: 't', tokenHash: 'h-role-change', prefix: 'sw_x' },
    });
    const sv = (await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion;
    const result = await updateUserAs(admin, {
      userId: String(target.id),
      stamp: await stamp(target.id),
      name: target.name,
      role: 'PROVINCIAL_DATA_ENTRY',
      provinceCode: '35',
    });
    expect(result).toMatchObject({ ok: true, message: 'userRightsChanged' });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ role: 'PROVINCIAL_DATA_ENTRY', provinceCode: '35', sessionVersion: sv + 1 });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'user.role-changed', targetId: String(target.id) },
    });
    expect(audit.before).toMatchObject({ role: 'PROVINCIAL_LEADER', provinceCode: '12' });
    expect(audit.after).toMatchObject({
      role: 'PROVINCIAL_DATA_ENTRY',
      provinceCode: '35',
      sessionsEnded: true,
      tokensRevoked: 1,
    });
  });

  it('refuses a save made from a stale form (someone changed the user meanwhile) and changes nothing', async () => {
    const target = await sessionUser(DEMO_EMAILS.dataEntryLC);
    const old = await stamp(target.id);
    expect(
      await updateUserAs(admin, {
        userId: target.id,
        stamp: old,
        name: 'Tên mới',
        role: target.role,
        provinceCode: '12',
      }),
    ).toMatchObject({ ok: true, message: 'userSaved' });
    const result = await updateUserAs(admin, {
      userId: target.id,
      stamp: old,
      name: target.name,
      role: 'PROVINCIAL_LEADER',
      provinceCode: '12',
    });
    expect(result).toMatchObject({ ok: false, code: 'conflict', message: 'userChangedMeanwhile' });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: 'PROVINCIAL_DATA_ENTRY',
      name: 'Tên mới',
    });
  });

  it('a rename alone does not sign the user out', async () => {
    const target = await sessionUser(DEMO_EMAILS.agencyLC);
    const sv = (await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion;
    await updateUserAs(admin, {
      userId: target.id,
      stamp: await stamp(target.id),
      name: 'Sở Y tế LC',
      role: 'AGENCY_OFFICER',
      agencyId: String(target.agencyId),
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion).toBe(sv);
  });

  it('never leaves the app without an active administrator', async () => {
    const result = await updateUserAs(admin, {
      userId: admin.id,
      stamp: await stamp(admin.id),
      name: admin.name,
      role: 'NATIONAL_LEADER',
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { role: ['lastAdmin'] } });
  });
});

describe('deactivating and resetting passwords', () => {
  it('deactivation signs the user out and revokes tokens; reactivation lets them back in', async () => {
    const target = await sessionUser(DEMO_EMAILS.districtKG);
    await db.prisma.apiToken.create({
      data: { userId: target.id, name: 't', tokenHash: 'h-deactivate', prefix: 'sw_y' },
    });
    const sv = (await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion;
    expect(
      await setUserActiveAs(admin, { userId: target.id, stamp: await stamp(target.id), active: 'false' }),
    ).toMatchObject({ ok: true });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      active: false,
      sessionVersion: sv + 1,
    });
    expect(await db.prisma.apiToken.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    expect((await authenticate(db.prisma, { email: target.email, password: TEST_PASSWORD, ip: null }, NOW)).ok).toBe(
      false,
    );
    expect(
      await setUserActiveAs(admin, { userId: target.id, stamp: await stamp(target.id), active: 'true' }),
    ).toMatchObject({ ok: true });
    expect((await authenticate(db.prisma, { email: target.email, password: TEST_PASSWORD, ip: null }, NOW)).ok).toBe(
      true,
    );
    const actions = (
      await db.prisma.auditLog.findMany({ where: { targetId: String(target.id), action: { startsWith: 'user.' } } })
    ).map((r) => r.action);
    expect(actions).toEqual(['user.deactivated', 'user.reactivated']);
  });

  it('an administrator cannot deactivate themselves', async () => {
    expect(
      await setUserActiveAs(admin, { userId: admin.id, stamp: await stamp(admin.id), active: 'false' }),
    ).toMatchObject({ ok: false, message: 'cannotDeactivateSelf' });
  });

  it('a reset sets a new password (12 characters at least), ends sessions and is audited', async () => {
    const target = await sessionUser(DEMO_EMAILS.dataEntryKG);
    expect(
      await resetPasswordAs(admin, { userId: target.id, password: 'too-short', confirm: 'too-short' }),
    ).toMatchObject({ fieldErrors: { password: ['passwordTooShort'] } });
    expect(
      await resetPasswordAs(admin, { userId: target.id, password: PASSWORD, confirm: `${PASSWORD}!` }),
    ).toMatchObject({ fieldErrors: { confirm: ['passwordMismatch'] } });
    expect(await resetPasswordAs(leaderKG, { userId: target.id, password: PASSWORD, confirm: PASSWORD })).toMatchObject(
      { code: 'forbidden' },
    );
    const sv = (await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).sessionVersion;
    expect(await resetPasswordAs(admin, { userId: target.id, password: PASSWORD, confirm: PASSWORD })).toMatchObject({
      ok: true,
    });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.sessionVersion).toBe(sv + 1);
    expect(after.passwordChangedAt).toEqual(NOW);
    expect((await authenticate(db.prisma, { email: target.email, password: TEST_PASSWORD, ip: null }, NOW)).ok).toBe(
      false,
    );
    expect((await authenticate(db.prisma, { email: target.email, password: PASSWORD, ip: null }, NOW)).ok).toBe(true);
    expect(
      await db.prisma.auditLog.count({
        where: { action: 'user.password-reset', targetId: String(target.id), actorId: admin.id },
      }),
    ).toBe(1);
  });
});
