/**
 * DEMO DATA: the demo's provinces as they have stood since the reform of 01/07/2025 (see README.md, "The demo after
 * the 2025 reform"). Not official figures and not an official list of facilities: an installation for a real
 * department enters its own.
 *
 * - An Giang (91, the merger of old An Giang 89 and old Kiên Giang 91), Lai Châu (12, continued), Đồng Nai (75, with
 *   old Bình Phước 70) and Ninh Bình (37, with old Hà Nam 35 and Nam Định 36): the successors of the four provinces of
 *   the source plans. Their communes come from the reference catalogue (prisma/data/admin-units).
 * - Province populations: the sum of the 2019 census figures of the provinces merged into each (approximate: the
 *   census counted the old provinces, six years before the new one existed); Lai Châu keeps its census figure.
 * - Facilities: the regional health centres ("trung tâm y tế khu vực") that report beds since the district health
 *   centres were reorganised. The names are real places of each province, but which centres a province has is made
 *   up for the demo. Handles are `<province>-TTYTKV-<nn>`: URL-safe, unique, never a GSO code.
 */

export interface DemoProvince2025 {
  code: string;
  name: string;
  /** null: the province keeps the figure units.ts seeds (Lai Châu, one unit throughout) */
  population: { year: number; population: number; approximate: true; source: string } | null;
  /** the population its communes' synthetic figures sum to */
  communeTotal: number;
}

export const DEMO_POPULATION_SOURCES = {
  'an-giang-2025':
    'APPROXIMATE — demo estimate, not an official figure for the new province: the sum of the GSO 2019 census ' +
    'populations (01/04/2019) of the two provinces merged into it on 01/07/2025, Kiên Giang 1,723,067 + An Giang ' +
    '1,908,352 (An Giang figure as published by the An Giang statistics office, angiang.gov.vn, 29/10/2019).',
  'dong-nai-2025':
    'APPROXIMATE — demo estimate, not an official figure for the new province: the sum of the GSO 2019 census ' +
    'populations of the provinces merged into it on 01/07/2025, Đồng Nai 3,097,107 + Bình Phước 994,679.',
  'ninh-binh-2025':
    'APPROXIMATE — demo estimate, not an official figure for the new province: the sum of the GSO 2019 census ' +
    'populations of the provinces merged into it on 01/07/2025, Ninh Bình 982,487 + Hà Nam 852,800 + Nam Định ' +
    '1,780,393 (Ninh Bình and Hà Nam figures from memory, not checked against a retrievable source).',
  commune:
    'APPROXIMATE — synthetic demo figure, not an official one: the province figure shared among its communes by ' +
    'made-up weights (wards larger than communes, special zones smaller). Replace with the official figure.',
} as const;

export const DEMO_PROVINCES_2025: DemoProvince2025[] = [
  {
    code: '91',
    name: 'Tỉnh An Giang',
    population: {
      year: 2025,
      population: 1_723_067 + 1_908_352,
      approximate: true,
      source: DEMO_POPULATION_SOURCES['an-giang-2025'],
    },
    communeTotal: 1_723_067 + 1_908_352,
  },
  { code: '12', name: 'Tỉnh Lai Châu', population: null, communeTotal: 460_196 },
  {
    code: '75',
    name: 'Tỉnh Đồng Nai',
    population: {
      year: 2025,
      population: 3_097_107 + 994_679,
      approximate: true,
      source: DEMO_POPULATION_SOURCES['dong-nai-2025'],
    },
    communeTotal: 3_097_107 + 994_679,
  },
  {
    code: '37',
    name: 'Tỉnh Ninh Bình',
    population: {
      year: 2025,
      population: 982_487 + 852_800 + 1_780_393,
      approximate: true,
      source: DEMO_POPULATION_SOURCES['ninh-binh-2025'],
    },
    communeTotal: 982_487 + 852_800 + 1_780_393,
  },
];

/** The year the synthetic commune populations are for: the communes exist from 01/07/2025. */
export const DEMO_COMMUNE_POPULATION_YEAR = 2025;

export interface DemoFacility {
  provinceCode: string;
  code: string;
  name: string;
}

const facilities = (provinceCode: string, places: string[]): DemoFacility[] =>
  places.map((place, i) => ({
    provinceCode,
    code: `${provinceCode}-TTYTKV-${String(i + 1).padStart(2, '0')}`,
    name: `Trung tâm Y tế khu vực ${place}`,
  }));

/** DEMO DATA: the regional health centres of the demo provinces (made-up list, real place names). */
export const DEMO_FACILITIES: DemoFacility[] = [
  ...facilities('91', ['Rạch Giá', 'Long Xuyên', 'Châu Đốc', 'Phú Quốc', 'Hà Tiên', 'Tân Châu']),
  ...facilities('12', ['Tam Đường', 'Phong Thổ', 'Sìn Hồ', 'Than Uyên', 'Mường Tè']),
  ...facilities('75', ['Biên Hòa', 'Long Khánh', 'Đồng Xoài', 'Bình Long']),
  ...facilities('37', ['Hoa Lư', 'Tam Điệp', 'Phủ Lý', 'Nam Định']),
];

/** The day the facilities start: the reform that replaced the district health centres. */
export const DEMO_FACILITIES_FROM = '2025-07-01';
