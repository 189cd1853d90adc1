/**
 * Demo administrative units for SurgeWatch: the four provinces of the source plans and their
 * district-level units (huyện, thị xã, thành phố thuộc tỉnh) as they stood at the end of 2023,
 * i.e. before the 2025 reform that abolished the district level and merged provinces.
 *
 * Codes: GSO administrative codes (Danh mục đơn vị hành chính Việt Nam), 2-digit for provinces,
 * 3-digit for districts. Every code below was cross-checked against public copies of the GSO list
 * (see README.md). Codes did not change when a unit changed type (Duy Tiên huyện → thị xã 2020,
 * Phú Quốc huyện → thành phố 2021, Chơn Thành huyện → thị xã 2022).
 *
 * Populations: province totals are the 2019 census (Tổng điều tra dân số và nhà ở, 01/04/2019).
 * District figures are DEMO ESTIMATES (populationApproximate: true) except where noted: for each
 * province the rough per-district estimates were scaled proportionally so that the districts sum
 * EXACTLY to the census province total, rounded to hundreds, and the rounding residual was put on
 * the largest scaled district. An administrator is expected to replace them with the department's
 * official figures (the UnitPopulation rows are editable).
 */

export interface UnitSeed {
  code: string;
  name: string;
  kind: 'province' | 'district';
  parentCode: string | null;
  population: number;
  populationYear: number;
  populationApproximate: boolean;
  populationSource: string;
}

/** Source ids used in `UnitSeed.populationSource` → full citation. */
export const POPULATION_SOURCES: Record<string, string> = {
  'gso-census-2019':
    'Tổng cục Thống kê (GSO), Ban Chỉ đạo Tổng điều tra dân số và nhà ở Trung ương: "Kết quả toàn bộ Tổng điều tra dân số và nhà ở năm 2019" ' +
    '(Completed Results of the 2019 Viet Nam Population and Housing Census), Nhà xuất bản Thống kê, Hà Nội, 2020, ISBN 978-604-75-1532-5. ' +
    'Population at 00:00 on 01/04/2019, province level.',
  'demo-estimate-2019':
    'APPROXIMATE — demo estimate, not an official figure. Rough 2019 district population estimated by the SurgeWatch team (not read from the ' +
    'census district table), then scaled proportionally so the districts of the province sum exactly to the GSO 2019 census province total ' +
    '(rounded to hundreds; rounding residual on the largest district). Replace with the department\'s official figure.',
  'demo-estimate-2019-anchored':
    'APPROXIMATE — demo estimate, not an official figure. Held at a rough 2019 estimate anchored on 2020 district figures seen in secondary ' +
    'sources (Rạch Giá ≈ 228,416 and Kiên Hải ≈ 17,644 in 2020) and not scaled; the other approximate districts of the province absorb the ' +
    'difference to the GSO 2019 census province total. Replace with the department\'s official figure.',
  'ubtvqh-phu-quoc-2020':
    'APPROXIMATE as a census figure — "quy mô dân số" 179,480 of huyện Phú Quốc stated in the Nghị quyết of Ủy ban Thường vụ Quốc hội adopted ' +
    '09/12/2020 establishing thành phố Phú Quốc (Nghị quyết số 1109/NQ-UBTVQH14; number from memory, the figure and date are as reported by ' +
    'Nhân Dân, Thanh Niên and VnExpress). It has not been checked against the census district table.',
};

const CENSUS = 'gso-census-2019';
const ESTIMATE = 'demo-estimate-2019';
const ANCHORED = 'demo-estimate-2019-anchored';

function province(code: string, name: string, population: number): UnitSeed {
  return { code, name, kind: 'province', parentCode: null, population, populationYear: 2019, populationApproximate: false, populationSource: CENSUS };
}

function district(parentCode: string, code: string, name: string, population: number, populationSource: string = ESTIMATE): UnitSeed {
  return { code, name, kind: 'district', parentCode, population, populationYear: 2019, populationApproximate: true, populationSource };
}

export const PROVINCES: UnitSeed[] = [
  // 2019 census totals. Kiên Giang, Lai Châu and Bình Phước were cross-checked against secondary
  // copies of the census table; Hà Nam's 852,800 is from memory (it is the published figure, which
  // happens to be round) and was not found in a retrievable source.
  province('12', 'Tỉnh Lai Châu', 460_196),
  province('35', 'Tỉnh Hà Nam', 852_800),
  province('70', 'Tỉnh Bình Phước', 994_679),
  province('91', 'Tỉnh Kiên Giang', 1_723_067),
];

export const DISTRICTS: UnitSeed[] = [
  // ── Lai Châu (12): 1 thành phố + 7 huyện = 460,196 ──────────────────────────────────────────
  // Estimates scaled ×1.0026; residual +96 on Sìn Hồ.
  district('12', '105', 'Thành phố Lai Châu', 42_100),
  district('12', '106', 'Huyện Tam Đường', 55_100),
  district('12', '107', 'Huyện Mường Tè', 46_100),
  district('12', '108', 'Huyện Sìn Hồ', 86_296),
  district('12', '109', 'Huyện Phong Thổ', 80_200),
  district('12', '110', 'Huyện Than Uyên', 66_200),
  district('12', '111', 'Huyện Tân Uyên', 57_100),
  district('12', '112', 'Huyện Nậm Nhùn', 27_100),

  // ── Hà Nam (35): 1 thành phố + 1 thị xã + 4 huyện = 852,800 ─────────────────────────────────
  // Duy Tiên has been a thị xã since 2020; Kim Bảng only became a thị xã in 2025, so it is still a
  // huyện here. Estimates scaled ×0.9746; no rounding residual.
  district('35', '347', 'Thành phố Phủ Lý', 151_100),
  district('35', '349', 'Thị xã Duy Tiên', 141_300),
  district('35', '350', 'Huyện Kim Bảng', 126_700),
  district('35', '351', 'Huyện Thanh Liêm', 126_700),
  district('35', '352', 'Huyện Bình Lục', 136_400),
  district('35', '353', 'Huyện Lý Nhân', 170_600),

  // ── Bình Phước (70): 1 thành phố + 3 thị xã + 7 huyện = 994,679 ─────────────────────────────
  // Chơn Thành has been a thị xã since 2022 (same code 697). Estimates scaled ×0.9937; residual −21
  // on Bù Đăng.
  district('70', '688', 'Thị xã Phước Long', 49_700),
  district('70', '689', 'Thành phố Đồng Xoài', 99_400),
  district('70', '690', 'Thị xã Bình Long', 59_600),
  district('70', '691', 'Huyện Bù Gia Mập', 84_500),
  district('70', '692', 'Huyện Lộc Ninh', 121_200),
  district('70', '693', 'Huyện Bù Đốp', 55_600),
  district('70', '694', 'Huyện Hớn Quản', 102_300),
  district('70', '695', 'Huyện Đồng Phú', 97_400),
  district('70', '696', 'Huyện Bù Đăng', 149_079),
  district('70', '697', 'Thị xã Chơn Thành', 81_500),
  district('70', '698', 'Huyện Phú Riềng', 94_400),

  // ── Kiên Giang (91): 3 thành phố + 12 huyện = 1,723,067 ────────────────────────────────────
  // Phú Quốc became a thành phố by the UBTVQH resolution of 09/12/2020 (in force 2021; same code 911).
  // Phú Quốc (179,480, resolution figure), Rạch Giá and Kiên Hải are held; the other 12 estimates are
  // scaled ×0.9738, residual −13 on Giồng Riềng.
  district('91', '899', 'Thành phố Rạch Giá', 227_000, ANCHORED),
  district('91', '900', 'Thành phố Hà Tiên', 46_700),
  district('91', '902', 'Huyện Kiên Lương', 75_000),
  district('91', '903', 'Huyện Hòn Đất', 160_700),
  district('91', '904', 'Huyện Tân Hiệp', 136_300),
  district('91', '905', 'Huyện Châu Thành', 148_000),
  district('91', '906', 'Huyện Giồng Riềng', 199_587),
  district('91', '907', 'Huyện Gò Quao', 131_500),
  district('91', '908', 'Huyện An Biên', 116_900),
  district('91', '909', 'Huyện An Minh', 109_100),
  district('91', '910', 'Huyện Vĩnh Thuận', 85_700),
  district('91', '911', 'Thành phố Phú Quốc', 179_480, 'ubtvqh-phu-quoc-2020'),
  district('91', '912', 'Huyện Kiên Hải', 17_500, ANCHORED),
  district('91', '913', 'Huyện U Minh Thượng', 62_300),
  district('91', '914', 'Huyện Giang Thành', 27_300),
];
