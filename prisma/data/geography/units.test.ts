import { describe, it, expect } from 'vitest';
import { DISTRICTS, POPULATION_SOURCES, PROVINCES, type UnitSeed } from './units';

const ALL: UnitSeed[] = [...PROVINCES, ...DISTRICTS];

const EXPECTED_DISTRICT_COUNTS: Record<string, number> = {
  '91': 15, // Kiên Giang: 3 thành phố + 12 huyện
  '12': 8, // Lai Châu: 1 thành phố + 7 huyện
  '70': 11, // Bình Phước: 1 thành phố + 3 thị xã + 7 huyện
  '35': 6, // Hà Nam: 1 thành phố + 1 thị xã + 4 huyện
};

describe('demo geography: structure', () => {
  it('has exactly the four source-plan provinces', () => {
    expect(PROVINCES.map((p) => p.code).sort()).toEqual(['12', '35', '70', '91']);
    for (const p of PROVINCES) {
      expect(p.kind).toBe('province');
      expect(p.parentCode).toBeNull();
      expect(p.code).toMatch(/^\d{2}$/);
      expect(p.name).toMatch(/^Tỉnh /);
    }
  });

  it('has the expected number of district-level units per province', () => {
    for (const [code, count] of Object.entries(EXPECTED_DISTRICT_COUNTS)) {
      expect(DISTRICTS.filter((d) => d.parentCode === code), `province ${code}`).toHaveLength(count);
    }
    expect(DISTRICTS).toHaveLength(Object.values(EXPECTED_DISTRICT_COUNTS).reduce((a, b) => a + b, 0));
  });

  it('uses unique codes and unique names within a province', () => {
    const codes = ALL.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of PROVINCES) {
      const names = DISTRICTS.filter((d) => d.parentCode === p.code).map((d) => d.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('gives every district an existing province as parent and a 3-digit code', () => {
    const provinceCodes = new Set(PROVINCES.map((p) => p.code));
    for (const d of DISTRICTS) {
      expect(d.kind).toBe('district');
      expect(d.code).toMatch(/^\d{3}$/);
      expect(d.parentCode !== null && provinceCodes.has(d.parentCode), `${d.code} ${d.name}`).toBe(true);
      expect(d.name).toMatch(/^(Huyện|Thị xã|Thành phố) \S/);
    }
  });

  it('keeps the end-of-2023 unit types', () => {
    const byCode = new Map(DISTRICTS.map((d) => [d.code, d.name]));
    expect(byCode.get('911')).toBe('Thành phố Phú Quốc');
    expect(byCode.get('697')).toBe('Thị xã Chơn Thành');
    expect(byCode.get('349')).toBe('Thị xã Duy Tiên');
    expect(byCode.get('350')).toBe('Huyện Kim Bảng');
    expect(byCode.get('899')).toBe('Thành phố Rạch Giá');
    expect(byCode.get('105')).toBe('Thành phố Lai Châu');
  });
});

describe('demo geography: populations', () => {
  it('are positive integers for 2019', () => {
    for (const u of ALL) {
      expect(Number.isInteger(u.population) && u.population > 0, `${u.code} ${u.name}`).toBe(true);
      expect(u.populationYear).toBe(2019);
    }
  });

  it('use the 2019 census totals for the provinces', () => {
    const byCode = Object.fromEntries(PROVINCES.map((p) => [p.code, p.population]));
    expect(byCode).toEqual({ '12': 460_196, '35': 852_800, '70': 994_679, '91': 1_723_067 });
  });

  it('sum exactly from districts to each province', () => {
    for (const p of PROVINCES) {
      const sum = DISTRICTS.filter((d) => d.parentCode === p.code).reduce((acc, d) => acc + d.population, 0);
      expect(sum, p.name).toBe(p.population);
    }
  });

  it('cite a known source, and flag every approximate figure in its citation', () => {
    for (const u of ALL) {
      const citation = POPULATION_SOURCES[u.populationSource];
      expect(citation, `${u.code} ${u.populationSource}`).toBeTypeOf('string');
      expect(citation!.startsWith('APPROXIMATE'), `${u.code} ${u.name}`).toBe(u.populationApproximate);
    }
  });
});
