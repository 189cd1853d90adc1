import { describe, expect, it } from 'vitest';
import { DEMO_FACILITIES, DEMO_PROVINCES_2025 } from './demo-2025';
import { syntheticPopulations } from '../../../src/server/seed/demo-units';

describe('the demo after the 2025 reform', () => {
  it('gives every facility a unique, URL-safe handle of its province, never a GSO code', () => {
    const codes = DEMO_FACILITIES.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of DEMO_FACILITIES) {
      expect(f.code).toMatch(new RegExp(`^${f.provinceCode}-TTYTKV-\\d{2}$`));
      expect(f.name).toMatch(/^Trung tâm Y tế khu vực /);
      expect(DEMO_PROVINCES_2025.some((p) => p.code === f.provinceCode)).toBe(true);
    }
  });

  it('labels every new province figure approximate and sums the merged provinces’ census figures', () => {
    const ag = DEMO_PROVINCES_2025.find((p) => p.code === '91')!;
    expect(ag.population).toMatchObject({ population: 3_631_419, approximate: true });
    expect(ag.population!.source).toMatch(/^APPROXIMATE/);
    expect(DEMO_PROVINCES_2025.find((p) => p.code === '12')!.population).toBeNull();
  });

  it('shares a province figure among its communes exactly, the same way every time', () => {
    const communes = [
      { code: '00001', unitType: 'Phường' },
      { code: '00002', unitType: 'Xã' },
      { code: '00003', unitType: 'Đặc khu' },
      { code: '00004', unitType: 'Xã' },
    ];
    const a = syntheticPopulations(communes, 123_457);
    expect([...a.values()].reduce((s, n) => s + n, 0)).toBe(123_457);
    expect([...a.values()].every((n) => n > 0)).toBe(true);
    expect(syntheticPopulations(communes, 123_457)).toEqual(a);
  });
});
