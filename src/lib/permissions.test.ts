import { describe, expect, it } from 'vitest';
import { can, type Permission } from './permissions';
import type { SessionUser } from './roles';

const base = { id: 1, email: 'x', name: 'x', unitId: null, agencyId: null };
const users: Record<string, SessionUser> = {
  admin: { ...base, role: 'ADMIN', provinceCode: null },
  national: { ...base, role: 'NATIONAL_LEADER', provinceCode: null },
  entryKG: { ...base, role: 'PROVINCIAL_DATA_ENTRY', provinceCode: '91' },
  leaderKG: { ...base, role: 'PROVINCIAL_LEADER', provinceCode: '91' },
  districtKG: { ...base, role: 'DISTRICT_OFFICER', provinceCode: '91', unitId: 7 },
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
  const adminOnly: Permission[] = ['users.manage', 'plans.manage', 'populations.manage', 'audit.read'];
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
