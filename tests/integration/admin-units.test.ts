import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/roles';
import { auditFilterSchema } from '@/lib/validations/audit';
import { stampOf } from '@/lib/validations/users';
import { getAuditPage } from '@/server/audit/queries';
import { applyCatalogue, parseCatalogue, parseSuccession } from '@/server/units/catalogue';
import { importCatalogueAs } from '@/server/units/catalogue-import';
import {
  addFacilityAs,
  endFacilityAs,
  getEndedScopes,
  getFacilities,
  renameFacilityAs,
  slugOf,
} from '@/server/units/admin';
import { moveUserScopeAs } from '@/server/users/move-scope';
import { getScopeUnits } from '@/server/users/queries';
import { createUserAs } from '@/server/users/save';
import { user } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';

// Issue 15, the administration of units: local officers scoped to a unit of any level, users of ended units moved to
// their full successor, the facilities a province lists, catalogue updates, and audit rows that carry the province's
// unit id. A tiny world: three old provinces with a district and a few communes each, then the 1 July 2025 reform
// (old Kiên Giang 91 and An Giang 89 → An Giang 91; Lai Châu 12 continues), applied by the catalogue code itself.

process.env.SURGEWATCH_NOW ??= '2026-11-23T03:00:00Z';

const BASE = `level,code,name,type,parent_code
province,91,Tỉnh Kiên Giang,Tỉnh,
district,899,Thành phố Rạch Giá,Thành phố,91
commune,30001,Phường Vĩnh Thanh,Phường,899
commune,30002,Phường Vĩnh Lạc,Phường,899
province,89,Tỉnh An Giang,Tỉnh,
district,883,Thành phố Long Xuyên,Thành phố,89
commune,30301,Phường Mỹ Bình,Phường,883
province,12,Tỉnh Lai Châu,Tỉnh,
district,105,Thành phố Lai Châu,Thành phố,12
commune,03386,Phường Đông Phong,Phường,105
commune,03387,Xã San Thàng,Xã,105
`;
const REFORM = `level,code,name,type,parent_code
province,91,Tỉnh An Giang,Tỉnh,
commune,30001,Phường Rạch Giá,Phường,91
commune,30301,Phường Long Xuyên,Phường,91
province,12,Tỉnh Lai Châu,Tỉnh,
commune,03386,Phường Đông Phong,Phường,12
`;
const REFORM_SUCCESSION = `level,old_code,old_name,new_code,new_name,share
province,91,Tỉnh Kiên Giang,91,Tỉnh An Giang,full
province,89,Tỉnh An Giang,91,Tỉnh An Giang,full
province,12,Tỉnh Lai Châu,12,Tỉnh Lai Châu,full
commune,30001,Phường Vĩnh Thanh,30001,Phường Rạch Giá,full
commune,30002,Phường Vĩnh Lạc,30001,Phường Rạch Giá,partial
commune,30002,Phường Vĩnh Lạc,30301,Phường Long Xuyên,partial
commune,30301,Phường Mỹ Bình,30301,Phường Long Xuyên,full
commune,03386,Phường Đông Phong,03386,Phường Đông Phong,full
commune,03387,Xã San Thàng,03386,Phường Đông Phong,full
`;
// a rename from 2026-01-01: the same code, a new name, recorded as a full succession
const RENAME = REFORM.replace('Phường Rạch Giá', 'Phường Rạch Giá Mới');
const RENAME_SUCCESSION = `level,old_code,old_name,new_code,new_name,share
commune,30001,Phường Rạch Giá,30001,Phường Rạch Giá Mới,full
`;

const PASSWORD = 'mây trắng bay qua đèo';
let db: TestDatabase;
let admin: SessionUser;
const ids: Record<string, number> = {};
const csv = (text: string, name: string) => new File([text], name, { type: 'text/csv' });

async function unit(code: string) {
  return db.prisma.adminUnit.findUniqueOrThrow({ where: { code } });
}

beforeAll(async () => {
  db = await createTestDatabase();
  useAsAppDatabase(db);
  const base = parseCatalogue(BASE);
  const next = parseCatalogue(REFORM);
  const links = parseSuccession(REFORM_SUCCESSION);
  expect([...base.problems, ...next.problems, ...links.problems]).toEqual([]);
  await db.prisma.$transaction(async (tx) => {
    await applyCatalogue(
      tx,
      { effectiveDate: null, units: base.units, successions: [], source: 'test base', checksumOf: BASE },
      'system:test',
    );
    await applyCatalogue(
      tx,
      {
        effectiveDate: '2025-07-01',
        units: next.units,
        successions: links.rows,
        source: 'test reform',
        checksumOf: REFORM + REFORM_SUCCESSION,
      },
      'system:test',
    );
  });
  for (const code of ['91~20250630', '91', '89', '12', '899', '105', '03386', '03387', '30001', '30001~20250630'])
    ids[code] = (await unit(code)).id;
  // rows written before units had ids: old Kiên Giang's were written under '91' (the migration sets this)
  await db.prisma.adminUnit.update({ where: { code: '91~20250630' }, data: { legacyAuditCode: '91' } });
  admin = await user(db.prisma, 'ADMIN', { email: 'admin.units@test.surgewatch.vn' });
});
afterAll(async () => db?.destroy());

describe('local officers scoped to a unit of any level', () => {
  const create = (email: string, provinceCode: string, unitId: number) =>
    createUserAs(admin, { email, name: 'Cán bộ', password: PASSWORD, role: 'LOCAL_OFFICER', provinceCode, unitId });

  it('takes a commune, the province row, a facility or an ended district of the province as the scope', async () => {
    const facility = await addFacilityAs(admin, {
      provinceCode: '12',
      name: 'Trung tâm Y tế khu vực Tam Đường',
      validFrom: '2025-07-01',
    });
    expect(facility).toMatchObject({ ok: true });
    const facilityId = facility.ok ? (facility.data as { id: number }).id : 0;
    for (const [i, unitId] of [ids['03386']!, ids['12']!, facilityId, ids['105']!].entries()) {
      const result = await create(`local.${i}@test.surgewatch.vn`, '12', unitId);
      expect(result, String(unitId)).toMatchObject({ ok: true });
      const created = await db.prisma.user.findUniqueOrThrow({ where: { email: `local.${i}@test.surgewatch.vn` } });
      expect(created).toMatchObject({ role: 'LOCAL_OFFICER', provinceCode: '12', unitId });
    }
  });

  it('refuses a unit of another province, and an old commune that never reported', async () => {
    expect(await create('local.x@test.surgewatch.vn', '91', ids['03386']!)).toMatchObject({
      ok: false,
      fieldErrors: { unitId: ['unitOutsideProvince'] },
    });
    const oldCommune = await unit('30002');
    expect(oldCommune.reports).toBe(false);
    expect(await create('local.y@test.surgewatch.vn', oldCommune.provinceCode, oldCommune.id)).toMatchObject({
      ok: false,
      fieldErrors: { unitId: ['unitRequired'] },
    });
    expect(await db.prisma.user.count({ where: { email: { startsWith: 'local.x' } } })).toBe(0);
  });

  it('offers the units of a province valid today first, the ended ones after', async () => {
    const units = (await getScopeUnits(admin, '12'))!;
    const codes = units.map((u) => u.code);
    expect(codes.slice(0, 2)).toEqual(['12', '03386']);
    expect(units.find((u) => u.code === '105')).toMatchObject({ validTo: '2025-06-30' });
    expect(codes.indexOf('105')).toBeGreaterThan(codes.indexOf('03386'));
    expect(codes).not.toContain('03387'); // an old commune: it never reported
  });
});

describe('users of ended units', () => {
  let leaderKG: SessionUser;
  let leaderAG: SessionUser;
  let agencyKG: SessionUser;

  beforeAll(async () => {
    leaderKG = await user(db.prisma, 'PROVINCIAL_LEADER', { province: { code: '91~20250630' } });
    leaderAG = await user(db.prisma, 'PROVINCIAL_LEADER', { province: { code: '89' } });
    agencyKG = await user(db.prisma, 'AGENCY_OFFICER', { province: { code: '91~20250630' } });
    await user(db.prisma, 'PROVINCIAL_LEADER', { province: { code: '91' } });
  });

  it('lists each with the unit its scope went into in full, and only those users', async () => {
    const rows = (await getEndedScopes(admin))!;
    const of = (u: SessionUser) => rows.find((r) => r.userId === u.id);
    expect(of(leaderKG)).toMatchObject({
      scope: { code: '91~20250630', name: 'Tỉnh Kiên Giang', validTo: '2025-06-30' },
      successors: [{ code: '91', name: 'Tỉnh An Giang' }],
      blocked: null,
    });
    expect(of(leaderAG)?.successors.map((s) => s.code)).toEqual(['91']);
    expect(of(agencyKG)).toMatchObject({ blocked: 'agency', successors: [] });
    // the local officer of the ended district: no unit took it over in full
    const districtOfficer = rows.find((r) => r.scope.code === '105');
    expect(districtOfficer).toMatchObject({ blocked: 'noFullSuccessor' });
    expect(rows.every((r) => r.scope.validTo < '2026-11-23')).toBe(true);
    expect(await getEndedScopes({ ...leaderKG })).toBeNull();
  });

  it('moves a user to the full successor, audited, signing them out', async () => {
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: leaderKG.id } });
    const result = await moveUserScopeAs(admin, { userId: leaderKG.id, stamp: stampOf(before), toUnitId: ids['91'] });
    expect(result).toMatchObject({ ok: true, message: 'scopeMoved', data: { to: '91' } });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: leaderKG.id } });
    expect(after).toMatchObject({ provinceCode: '91', unitId: null, sessionVersion: before.sessionVersion + 1 });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'user.scope-moved', targetId: String(leaderKG.id) },
    });
    expect(audit).toMatchObject({ actorId: admin.id, provinceCode: '91', provinceId: ids['91'] });
    expect(audit.before).toMatchObject({ provinceCode: '91~20250630', scopeUnit: '91~20250630' });
    expect(audit.after).toMatchObject({ provinceCode: '91', scopeUnit: '91', sessionsEnded: true });
    expect((await getEndedScopes(admin))!.some((r) => r.userId === leaderKG.id)).toBe(false);
  });

  it('refuses a move when the user changed meanwhile, or to a unit that is not a full successor', async () => {
    const seen = stampOf(await db.prisma.user.findUniqueOrThrow({ where: { id: leaderAG.id } }));
    await db.prisma.user.update({ where: { id: leaderAG.id }, data: { name: 'Đổi tên trong lúc đó' } });
    expect(await moveUserScopeAs(admin, { userId: leaderAG.id, stamp: seen, toUnitId: ids['91'] })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'userChangedMeanwhile',
    });
    const fresh = stampOf(await db.prisma.user.findUniqueOrThrow({ where: { id: leaderAG.id } }));
    expect(await moveUserScopeAs(admin, { userId: leaderAG.id, stamp: fresh, toUnitId: ids['12'] })).toMatchObject({
      ok: false,
      message: 'notAFullSuccessor',
    });
    expect(await moveUserScopeAs(leaderAG, { userId: leaderAG.id, stamp: fresh, toUnitId: ids['91'] })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: leaderAG.id } })).provinceCode).toBe('89');
  });
});

describe('facilities', () => {
  const name = 'Trung tâm Y tế khu vực Rạch Giá';

  it('adds a facility with a URL-safe, unique handle, audited', async () => {
    expect(slugOf('Trung tâm Y tế khu vực Đức Hòa')).toBe('trung-tam-y-te-khu-vuc-duc-hoa');
    const first = await addFacilityAs(admin, { provinceCode: '91', name, validFrom: '2025-07-01' });
    const second = await addFacilityAs(admin, { provinceCode: '91', name, validFrom: '2025-07-01' });
    expect(first).toMatchObject({ ok: true, data: { code: '91-trung-tam-y-te-khu-vuc-rach-gia' } });
    expect(second).toMatchObject({ ok: true, data: { code: '91-trung-tam-y-te-khu-vuc-rach-gia-2' } });
    const u = await unit('91-trung-tam-y-te-khu-vuc-rach-gia');
    expect(u).toMatchObject({
      kind: 'facility',
      depth: 1,
      parentId: ids['91'],
      provinceCode: '91',
      path: '91/91-trung-tam-y-te-khu-vuc-rach-gia',
      reports: true,
      fromCatalogue: false,
    });
    expect(
      await db.prisma.auditLog.findFirst({ where: { action: 'unit.facility-added', targetId: u.code } }),
    ).toMatchObject({ actorId: admin.id, provinceId: ids['91'] });
    expect((await getFacilities(admin, '91'))!.map((f) => f.code)).toHaveLength(2);
  });

  it('refuses a first day outside the province’s validity, and an unknown province', async () => {
    expect(await addFacilityAs(admin, { provinceCode: '91', name, validFrom: '2025-06-30' })).toMatchObject({
      ok: false,
      fieldErrors: { validFrom: ['outsideProvince'] },
    });
    expect(await addFacilityAs(admin, { provinceCode: '00', name, validFrom: '2025-07-01' })).toMatchObject({
      ok: false,
      fieldErrors: { provinceCode: ['notAProvince'] },
    });
    expect(await addFacilityAs(admin, { provinceCode: '91', name: ' ', validFrom: '2025-02-30' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  it('renames and ends a facility, audited; a stale form is refused', async () => {
    const [f] = (await getFacilities(admin, '91'))!;
    const renamed = await renameFacilityAs(admin, { unitId: f!.id, stamp: f!.stamp, name: 'TTYT khu vực Rạch Giá' });
    expect(renamed).toMatchObject({ ok: true, message: 'facilityRenamed' });
    // the same form again: it read the old name
    expect(await endFacilityAs(admin, { unitId: f!.id, stamp: f!.stamp, validTo: '2026-12-31' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const fresh = (await getFacilities(admin, '91'))!.find((x) => x.id === f!.id)!;
    expect(await endFacilityAs(admin, { unitId: f!.id, stamp: fresh.stamp, validTo: '2025-06-01' })).toMatchObject({
      ok: false,
      fieldErrors: { validTo: ['beforeValidFrom'] },
    });
    await db.prisma.weeklyReport.create({ data: { unitId: f!.id, isoYear: 2026, isoWeek: 40, freeCovidBeds: 3 } });
    expect(await endFacilityAs(admin, { unitId: f!.id, stamp: fresh.stamp, validTo: '2026-09-30' })).toMatchObject({
      ok: false,
      message: 'facilityHasLaterReports',
    });
    expect(await endFacilityAs(admin, { unitId: f!.id, stamp: fresh.stamp, validTo: '2026-10-31' })).toMatchObject({
      ok: true,
      message: 'facilityEnded',
    });
    expect((await unit(f!.code)).validTo?.toISOString().slice(0, 10)).toBe('2026-10-31');
    const rows = await db.prisma.auditLog.findMany({ where: { targetId: f!.code }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['unit.facility-added', 'unit.facility-renamed', 'unit.facility-ended']);
    expect(rows[1]).toMatchObject({ before: { name }, after: { name: 'TTYT khu vực Rạch Giá' } });
  });
});

describe('catalogue updates', () => {
  const files = (catalogue: string, succession: string, effectiveDate: string) => ({
    effectiveDate,
    catalogue: csv(catalogue, 'units-2026-01-01.csv'),
    succession: csv(succession, 'succession-2026-01-01.csv'),
  });
  const snapshot = async () =>
    JSON.stringify(
      await db.prisma.adminUnit.findMany({
        orderBy: { id: 'asc' },
        select: { id: true, code: true, name: true, validFrom: true, validTo: true, path: true },
      }),
    ) + (await db.prisma.unitSuccession.count());

  it('refuses garbage and a file with problems, listing them, and changes nothing', async () => {
    const before = await snapshot();
    const garbage = await importCatalogueAs(admin, files('\u0000\u0001PK garbage', 'nope', '2026-01-01'));
    expect(garbage).toMatchObject({ ok: false, message: 'catalogueInvalid' });
    expect((garbage as { problems: string[] }).problems.join(' ')).toMatch(/missing column/);
    const notUtf8 = await importCatalogueAs(admin, {
      ...files(RENAME, RENAME_SUCCESSION, '2026-01-01'),
      catalogue: new File([new Uint8Array([0xff, 0xfe, 0x00, 0xd8])], 'x.csv'),
    });
    expect(notUtf8).toMatchObject({ ok: false, message: 'catalogueInvalid' });
    // an old unit that does not exist: applyCatalogue's own check, inside the transaction
    const unknown = await importCatalogueAs(
      admin,
      files(RENAME, `${RENAME_SUCCESSION}commune,99999,Không có,30001,Phường Rạch Giá Mới,full\n`, '2026-01-01'),
    );
    expect(unknown).toMatchObject({ ok: false, message: 'catalogueInvalid' });
    expect((unknown as { problems: string[] }).problems.join(' ')).toMatch(/99999/);
    expect(await importCatalogueAs(admin, files(RENAME, RENAME_SUCCESSION, '2026-02-30'))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { effectiveDate: ['date'] },
    });
    expect(
      await importCatalogueAs({ ...admin, role: 'NATIONAL_LEADER' }, files(RENAME, RENAME_SUCCESSION, '2026-01-01')),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await snapshot()).toBe(before);
  });

  it('applies a rename (same code, new name, full succession) once; the same change twice changes nothing', async () => {
    const officer = await user(db.prisma, 'LOCAL_OFFICER', { province: { code: '91' }, unit: { id: ids['30001']! } });
    const result = await importCatalogueAs(admin, files(RENAME, RENAME_SUCCESSION, '2026-01-01'));
    expect(result).toMatchObject({
      ok: true,
      message: 'catalogueApplied',
      data: { applied: true, inserted: 1, ended: 1, successions: 1 },
    });
    const old = await unit('30001~20251231');
    const renamed = await unit('30001');
    expect(old).toMatchObject({ id: ids['30001'], name: 'Phường Rạch Giá' });
    expect(old.validTo?.toISOString().slice(0, 10)).toBe('2025-12-31');
    expect(renamed).toMatchObject({ name: 'Phường Rạch Giá Mới', provinceCode: '91' });
    expect(renamed.validFrom?.toISOString().slice(0, 10)).toBe('2026-01-01');
    expect(await db.prisma.unitSuccession.findFirst({ where: { fromId: old.id, toId: renamed.id } })).toMatchObject({
      share: 'full',
    });
    expect(
      await db.prisma.auditLog.findFirst({ where: { action: 'units.catalogue', targetId: '2026-01-01' } }),
    ).toMatchObject({ actorId: admin.id, actorLabel: admin.email });

    const before = await snapshot();
    expect(await importCatalogueAs(admin, files(RENAME, RENAME_SUCCESSION, '2026-01-01'))).toMatchObject({
      ok: true,
      message: 'catalogueAlreadyApplied',
    });
    expect(await snapshot()).toBe(before);
    expect(await db.prisma.auditLog.count({ where: { action: 'units.catalogue', targetId: '2026-01-01' } })).toBe(1);

    // a change dated before the latest applied would rewrite history under it
    expect(
      await importCatalogueAs(admin, files(RENAME.replace('Mới', 'Mới 2'), RENAME_SUCCESSION, '2025-12-01')),
    ).toMatchObject({ ok: false, message: 'catalogueNotAfter' });
    expect(await snapshot()).toBe(before);

    // the commune's officer is now scoped to an ended unit, with its renamed self as the full successor
    const row = (await getEndedScopes(admin))!.find((r) => r.userId === officer.id);
    expect(row?.successors.map((s) => s.code)).toEqual(['30001']);
    const stamp = stampOf(await db.prisma.user.findUniqueOrThrow({ where: { id: officer.id } }));
    expect(await moveUserScopeAs(admin, { userId: officer.id, stamp, toUnitId: renamed.id })).toMatchObject({
      ok: true,
    });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({
      unitId: renamed.id,
      provinceCode: '91',
    });
  });
});

describe('audit rows carry the province unit', () => {
  it('filters a province by its id, and by the handle it had for rows written before ids', async () => {
    await db.prisma.auditLog.create({
      data: { actorLabel: 'legacy', action: 'report.updated', targetType: 'X', targetId: '1', provinceCode: '91' },
    });
    const page = async (province: string) =>
      (await getAuditPage(admin, auditFilterSchema.parse({ province })))!.rows.map((r) => r.actorLabel);
    // the legacy row was old Kiên Giang's (its legacyAuditCode), not the new An Giang's, which holds 91 now
    expect(await page('91~20250630')).toEqual(['legacy']);
    const newAnGiang = await page('91');
    expect(newAnGiang).not.toContain('legacy');
    expect(newAnGiang).toContain(admin.email);
    expect(auditFilterSchema.parse({ province: '91~20250630' }).province).toBe('91~20250630');
  });
});
