import { describe, expect, it } from 'vitest';
import {
  can,
  canManageActivation,
  canReadProvince,
  canSeeNational,
  manageDenial,
  provinceAccess,
  reportsReadScope,
  tickDenial,
  type Permission,
  type ProvinceAccess,
  type TaskOwnership,
} from './permissions';
import type { SessionUser } from './roles';

const base = { id: 1, email: 'x', name: 'x', unitId: null, agencyId: null };
const users: Record<string, SessionUser> = {
  admin: { ...base, role: 'ADMIN', provinceCode: null },
  national: { ...base, role: 'NATIONAL_LEADER', provinceCode: null },
  entryKG: { ...base, role: 'PROVINCIAL_DATA_ENTRY', provinceCode: '91' },
  leaderKG: { ...base, role: 'PROVINCIAL_LEADER', provinceCode: '91' },
  districtKG: { ...base, role: 'LOCAL_OFFICER', provinceCode: '91', unitId: 7 },
  agencyKG: { ...base, role: 'AGENCY_OFFICER', provinceCode: '91', agencyId: 3 },
};

describe('can()', () => {
  it.each<[string, Permission, object, boolean]>([
    ['entryKG', 'reports.write', { provinceCode: '91' }, true],
    ['entryKG', 'reports.write', { provinceCode: '12' }, false],
    ['leaderKG', 'reports.write', { provinceCode: '91' }, false],
    ['leaderKG', 'activation.manage', { provinceCode: '91' }, true],
    ['leaderKG', 'activation.manage', { provinceCode: '12' }, false],
    ['national', 'reports.read', { provinceCode: '12' }, true],
    ['national', 'activation.manage', { provinceCode: '12' }, false],
    ['admin', 'users.manage', {}, true],
    ['admin', 'reports.write', { provinceCode: '91' }, false],
    ['districtKG', 'tasks.tick', { provinceCode: '91', unitId: 7 }, true],
    ['districtKG', 'tasks.tick', { provinceCode: '91', unitId: 8 }, false],
    ['agencyKG', 'tasks.tick', { provinceCode: '91', agencyId: 3 }, true],
    ['agencyKG', 'tasks.tick', { provinceCode: '91', agencyId: 4 }, false],
    ['agencyKG', 'reports.read', { provinceCode: '91' }, false],
    // issue 11: a district officer reads the province's pages, but only their own unit's reports
    ['districtKG', 'reports.read', { provinceCode: '91' }, true],
    ['districtKG', 'reports.read', { provinceCode: '91', unitId: 7 }, true],
    ['districtKG', 'reports.read', { provinceCode: '91', unitId: 8 }, false],
    ['districtKG', 'reports.read', { provinceCode: '12', unitId: 7 }, false],
    ['districtKG', 'reports.read', { provinceCode: '12' }, false],
    ['leaderKG', 'reports.read', { provinceCode: '91', unitId: 8 }, true],
    ['entryKG', 'reports.read', { provinceCode: '91', unitId: 8 }, true],
    ['entryKG', 'reports.read', { provinceCode: '12', unitId: 8 }, false],
    ['national', 'reports.read', { provinceCode: '12', unitId: 8 }, true],
  ])('%s %s %j → %s', (who, permission, scope, expected) => {
    expect(can(users[who]!, permission, scope)).toBe(expected);
  });

  it('refuses everything to nobody', () => {
    expect(can(null, 'reports.read')).toBe(false);
  });
});

describe('the administration permissions (issue 7)', () => {
  const adminOnly: Permission[] = ['users.manage', 'plans.manage', 'populations.manage', 'units.manage', 'audit.read'];
  it.each(Object.keys(users))('%s', (who) => {
    for (const p of adminOnly) {
      expect(can(users[who]!, p), p).toBe(who === 'admin');
      expect(can(users[who]!, p, { provinceCode: '12' }), `${p} in 12`).toBe(who === 'admin');
    }
  });

  it('no role both enters figures and manages users (separation of duties)', () => {
    for (const u of Object.values(users)) expect(can(u, 'reports.write') && can(u, 'users.manage')).toBe(false);
  });

  it('agency officers use no API token (no API reads their scope), other signed-in roles may', () => {
    expect(can(users.agencyKG!, 'tokens.manage')).toBe(false);
    expect(can(users.districtKG!, 'tokens.manage')).toBe(false);
    expect(can(users.entryKG!, 'tokens.manage')).toBe(true);
  });
});

describe('reports of one unit (issue 11)', () => {
  const units = [7, 8, 9];
  it.each(Object.keys(users))('%s: which units of province 91 have readable reports', (who) => {
    const readable = units.filter((unitId) => can(users[who]!, 'reports.read', { provinceCode: '91', unitId }));
    const expected = who === 'districtKG' ? [7] : who === 'agencyKG' ? [] : units;
    expect(readable).toEqual(expected);
  });

  it('a district officer without a district reads no unit’s reports', () => {
    const noUnit: SessionUser = { ...users.districtKG!, unitId: null };
    expect(units.filter((unitId) => can(noUnit, 'reports.read', { provinceCode: '91', unitId }))).toEqual([]);
  });
});

describe('local officers scoped to a unit of any level (issue 15)', () => {
  // a commune (id 70), a facility (71), the province's own row (72), an ended district of the old province (73)
  it.each([70, 71, 72, 73])(
    'an officer of unit %i reads that unit’s reports and ticks its tasks, no other’s',
    (unitId) => {
      const officer: SessionUser = { ...base, role: 'LOCAL_OFFICER', provinceCode: '91', unitId };
      for (const other of [70, 71, 72, 73]) {
        expect(can(officer, 'reports.read', { provinceCode: '91', unitId: other })).toBe(other === unitId);
        expect(can(officer, 'tasks.tick', { provinceCode: '91', unitId: other })).toBe(other === unitId);
      }
      expect(can(officer, 'reports.write', { provinceCode: '91', unitId })).toBe(false);
    },
  );

  it('an officer of an ended province’s unit keeps reading it under the province’s new handle', () => {
    const officer: SessionUser = { ...base, role: 'LOCAL_OFFICER', provinceCode: '91~20250630', unitId: 73 };
    expect(provinceAccess(officer, '91~20250630')).toBe('figures');
    expect(can(officer, 'reports.read', reportsReadScope(officer, '91~20250630'))).toBe(true);
    // the province that took the code is another province
    expect(provinceAccess(officer, '91')).toBe('none');
  });
});

describe('the predicates derived from can()', () => {
  it.each<[string, string, boolean]>([
    ['admin', '12', true],
    ['national', '12', true],
    ['entryKG', '91', true],
    ['entryKG', '12', false],
    ['districtKG', '91', true],
    ['agencyKG', '12', false],
  ])('canReadProvince(%s, %s) → %s', (who, code, expected) => {
    expect(canReadProvince(users[who]!, code)).toBe(expected);
  });

  it.each<[string, string, object]>([
    ['national', '91', { provinceCode: '91' }],
    ['leaderKG', '91', { provinceCode: '91' }],
    ['districtKG', '91', { provinceCode: '91', unitId: 7 }],
  ])('reportsReadScope(%s, %s) → %j, and can() reads in it', (who, code, expected) => {
    const scope = reportsReadScope(users[who]!, code);
    expect(scope).toEqual(expected);
    expect(can(users[who]!, 'reports.read', scope)).toBe(true);
  });

  it('a district officer without a unit reads no unit’s reports', () => {
    const officer = { ...users.districtKG!, unitId: null };
    expect(can(officer, 'reports.read', reportsReadScope(officer, '91'))).toBe(false);
  });

  it.each<[string, boolean]>([
    ['admin', true],
    ['national', true],
    ['entryKG', false],
    ['leaderKG', false],
    ['districtKG', false],
    ['agencyKG', false],
  ])('canSeeNational(%s) → %s', (who, expected) => {
    expect(canSeeNational(users[who]!)).toBe(expected);
  });

  it.each<[string, string, ProvinceAccess]>([
    ['national', '91', 'figures'],
    ['leaderKG', '91', 'figures'],
    ['leaderKG', '12', 'none'],
    ['districtKG', '91', 'figures'],
    ['agencyKG', '91', 'status'],
    ['agencyKG', '12', 'none'],
  ])('provinceAccess(%s, %s) → %s', (who, code, expected) => {
    expect(provinceAccess(users[who]!, code)).toBe(expected);
  });

  it.each<[string, string, boolean, ReturnType<typeof manageDenial>]>([
    ['leaderKG', '91', true, null],
    ['leaderKG', '12', false, 'errors.otherProvince'],
    ['districtKG', '91', false, 'errors.forbidden'],
    ['national', '91', false, 'errors.otherProvince'],
  ])('canManageActivation(%s, %s) → %s, manageDenial → %s', (who, code, may, denial) => {
    expect(canManageActivation(users[who]!, code)).toBe(may);
    expect(manageDenial(users[who]!, code)).toBe(denial);
  });

  const provinceBody: TaskOwnership = { provinceCode: '91', agencyId: 1, districtId: null };
  const ownDistrict: TaskOwnership = { provinceCode: '91', agencyId: 2, districtId: 7 };
  const otherDistrict: TaskOwnership = { provinceCode: '91', agencyId: 2, districtId: 8 };
  const ownAgency: TaskOwnership = { provinceCode: '91', agencyId: 3, districtId: null };
  const elsewhere: TaskOwnership = { provinceCode: '12', agencyId: 3, districtId: null };
  it.each<[string, TaskOwnership, ReturnType<typeof tickDenial>]>([
    ['leaderKG', provinceBody, null],
    ['leaderKG', ownDistrict, null],
    ['leaderKG', elsewhere, 'errors.otherProvince'],
    ['districtKG', ownDistrict, null],
    ['districtKG', otherDistrict, 'errors.otherDistrict'],
    ['districtKG', provinceBody, 'errors.otherDistrict'],
    ['agencyKG', ownAgency, null],
    ['agencyKG', provinceBody, 'errors.otherAgency'],
    ['agencyKG', elsewhere, 'errors.otherProvince'],
    ['entryKG', provinceBody, 'errors.forbidden'],
    ['national', provinceBody, 'errors.otherProvince'],
  ])('tickDenial(%s, %j) → %s', (who, task, expected) => {
    expect(tickDenial(users[who]!, task)).toBe(expected);
  });
});
