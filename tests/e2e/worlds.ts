// The end-to-end specs' own data: a "world" per spec that writes what another spec reads, built with the test
// factories by tests/e2e/server.ts before the app starts, beside the demo data. Each world has fixed names (province
// code, users' e-mails) so the spec that owns it imports them from here; no other spec touches them, so the files can
// run on several workers at once. The demo itself is only read, or written where no other spec looks (see each spec).
//
// Every world province shows up in the national overview (it lists every province); dashboard.spec.ts asserts only on
// the demo's rows there, so a world's verdict may move while it reads (DEMO_NATIONAL).
// Names only: the specs import this file, tests/e2e/build-worlds.ts writes the worlds.
import { DISTRICTS } from '../../prisma/data/geography/units';
import { DEMO_ACCOUNTS, DEMO_EMAILS, type DemoAccountKey } from '../../src/server/seed/demo-accounts';

/** the factories' TEST_PASSWORD (tests/factories pulls in server modules a spec cannot load; build-worlds checks) */
export const WORLD_PASSWORD = 'factory-password-1';

export const E2E_NOW = '2026-11-23T03:00:00Z';
/** the last complete week with the clock at E2E_NOW */
export const LAST_WEEK = { isoYear: 2026, isoWeek: 47 };

export interface WorldUser {
  email: string;
  name: string;
  password: string;
}
const person = (email: string, name: string): WorldUser => ({ email, name, password: WORLD_PASSWORD });

/**
 * response-activation.spec.ts: a province shaped like Lai Châu (its plans, 8 districts) in early warning in the last
 * complete week, one district not reported; the spec pushes it into surge, opens and stands down its plan.
 */
export const ACTIVATION_WORLD = {
  code: '98',
  name: 'Tỉnh Thử nghiệm Ứng phó',
  /** the district that has not reported the week, and whose officer ticks a task */
  unreported: { code: '9801', name: 'Huyện Ứng phó Một' },
  other: { code: '9802', name: 'Huyện Ứng phó Hai' },
  districts: 8,
  dataEntry: person('nhaplieu@ung-pho.world.surgewatch.vn', 'Nhập liệu tỉnh Ứng phó'),
  leader: person('lanhdao@ung-pho.world.surgewatch.vn', 'Lãnh đạo tỉnh Ứng phó'),
  districtOfficer: person('huyen@ung-pho.world.surgewatch.vn', 'Cán bộ Huyện Ứng phó Một'),
} as const;

/** tasks-my-tasks.spec.ts: a province with Kiên Giang's plans, its response plan open, and an officer per scope. */
export const TASKS_WORLD = {
  code: '97',
  name: 'Tỉnh Thử nghiệm Nhiệm vụ',
  district: { code: '9701', name: 'Thành phố Nhiệm vụ' },
  districtOfficer: person('huyen@nhiem-vu.world.surgewatch.vn', 'Cán bộ TP Nhiệm vụ'),
  agencyOfficer: person('soyte@nhiem-vu.world.surgewatch.vn', 'Cán bộ Sở Y tế tỉnh Nhiệm vụ'),
  leader: person('lanhdao@nhiem-vu.world.surgewatch.vn', 'Lãnh đạo tỉnh Nhiệm vụ'),
} as const;

/** fuzz-actions-http.spec.ts: the province whose pages the fuzzed actions are posted to, with a year of reports. */
export const FUZZ_WORLD = {
  code: '90',
  name: 'Tỉnh Thử nghiệm Fuzz',
  district: '9001',
  dataEntry: person('nhaplieu@fuzz.world.surgewatch.vn', 'Nhập liệu tỉnh Fuzz'),
  leader: person('lanhdao@fuzz.world.surgewatch.vn', 'Lãnh đạo tỉnh Fuzz'),
} as const;

/** authz-matrix.spec.ts: a province whose response plan the matrix opens and stands down, and its leader. */
export const MATRIX_WORLD = {
  code: '88',
  name: 'Tỉnh Thử nghiệm Ma trận',
  leader: person('lanhdao@ma-tran.world.surgewatch.vn', 'Lãnh đạo tỉnh Ma trận'),
} as const;

/** province-page.spec.ts: a leader of Kiên Giang of its own, who signs out (which ends every session of that user). */
export const SIGN_OUT_WORLD = {
  leaderKG: person('lanhdao.kg@dang-xuat.world.surgewatch.vn', 'Lãnh đạo Kiên Giang (đăng xuất)'),
} as const;

/**
 * A province shaped like a demo one (Kiên Giang 91 or Lai Châu 12): its plans, its districts with their names and
 * populations in the same order, and the demo's very reports of that province for the 52 weeks to 2026-W47, entered
 * on time; its response plan opened by the automatic rule as the seed opens it (Kiên Giang's, in surge). The demo's
 * unit codes map onto the world's: the province's own → the world's code, its districts → code + 01, 02… in the seed's
 * order (shapedUnit), so a spec written against the demo province reads the same figures under the world's codes.
 */
export interface ShapedWorld {
  code: string;
  name: string;
  shapeOf: '91' | '12';
  /** the accounts' e-mail domain: <slug>.world.surgewatch.vn */
  slug: string;
}

/** A demo province's unit codes: its own, then its districts in the seed's order. */
export const demoUnits = (demoCode: string): string[] => [
  demoCode,
  ...DISTRICTS.filter((d) => d.parentCode === demoCode).map((d) => d.code),
];

/** The world's code of a unit of the demo province it is shaped like; any other code (another province's) is kept. */
export function shapedUnit(w: Pick<ShapedWorld, 'code' | 'shapeOf'>, code: string | number): string {
  const i = demoUnits(w.shapeOf).indexOf(String(code));
  if (i < 0) return String(code);
  return i === 0 ? w.code : `${w.code}${String(i).padStart(2, '0')}`;
}

/**
 * Shaped worlds are 2023-style (districts, no validity): the demo's local officers, scoped to a commune since the 2025
 * reform, are scoped there to the district their commune was formed in (as tests/factories demoAccounts does).
 */
export const FORMER_DISTRICT: Record<string, string> = {
  '30742': '899', // Phường Rạch Giá ← Thành phố Rạch Giá
  '03390': '106', // Xã Bình Lư ← Huyện Tam Đường
};

/** A world's own account in the role and scope of a demo account of the province it is shaped like. */
export function mirrorAccount(w: ShapedWorld, key: DemoAccountKey): WorldUser {
  const demo = DEMO_ACCOUNTS.find((a) => a.email === DEMO_EMAILS[key])!;
  if (demo.provinceCode !== w.shapeOf) throw new Error(`${key} is not an account of ${w.shapeOf}`);
  return person(`${DEMO_EMAILS[key].split('@')[0]}@${w.slug}.world.surgewatch.vn`, `${demo.name} (${w.name})`);
}

/** A world shaped like Lai Châu whose one account is the data-entry officer's (mirroring dataEntryLC). */
export interface LaiChauWorld extends ShapedWorld {
  dataEntry: WorldUser;
}
const laiChauShaped = (code: string, name: string, slug: string): LaiChauWorld => {
  const w: ShapedWorld = { code, name, shapeOf: '12', slug };
  return { ...w, dataEntry: mirrorAccount(w, 'dataEntryLC') };
};

/** The world's code of a Lai Châu unit (12, 105 … 112); any other code (another province's unit) is kept. */
export const laiChauUnit = (w: Pick<ShapedWorld, 'code'>, code: string | number): string =>
  shapedUnit({ code: w.code, shapeOf: '12' }, code);

/** entry-grid.spec.ts: keyboard entry and paste in 2026-W48 and 2026-W20, completeness of 2026-W47. */
export const GRID_WORLD = laiChauShaped('99', 'Tỉnh Thử nghiệm Lưới', 'luoi');
/** entry-conflict.spec.ts: two saves of one report of 2026-W25. */
export const CONFLICT_WORLD = laiChauShaped('85', 'Tỉnh Thử nghiệm Xung đột', 'xung-dot');
/** import-errors.spec.ts: a file with errors for 2026-W48, a good workbook rewriting 2026-W12. */
export const IMPORT_WORLD = laiChauShaped('81', 'Tỉnh Thử nghiệm Nhập tệp', 'nhap-tep');
/** import-bomb.spec.ts: bombs uploaded to the province, which must write nothing. */
export const BOMB_WORLD = laiChauShaped('78', 'Tỉnh Thử nghiệm Bom nén', 'bom-nen');
/** entry-api-tokens.spec.ts: the officer's personal tokens, read 2026-W47, a refused stale write. */
export const TOKENS_WORLD = laiChauShaped('76', 'Tỉnh Thử nghiệm Mã API', 'ma-api');
/**
 * level-change.spec.ts: Lai Châu's latest demo week (2026-W47, Tam Đường not reported yet), where a typo in the
 * provincial ICU figure opens the plan after a confirmation, and its correction withdraws it.
 */
export const LEVEL_CHANGE_WORLD = (() => {
  const w = laiChauShaped('53', 'Tỉnh Thử nghiệm Tình huống', 'tinh-huong');
  // Tam Đường's officer (mirroring districtLC), who gets the district committee's tasks when the plan opens
  return { ...w, districtOfficer: mirrorAccount(w, 'districtLC') };
})();
/** import-level-change.spec.ts: the same typo in Lai Châu's latest demo week, sent as a file. */
export const IMPORT_LEVEL_WORLD = laiChauShaped('55', 'Tỉnh Thử nghiệm Tình huống Nhập tệp', 'tinh-huong-nhap');
/** severity-entry.spec.ts: severity figures (issue 14) typed in the grid for 2026-W48, saved and read back. */
export const SEVERITY_WORLD = laiChauShaped('50', 'Tỉnh Thử nghiệm Mức độ nặng', 'muc-do-nang');

export const LAI_CHAU_WORLDS = [
  GRID_WORLD,
  CONFLICT_WORLD,
  IMPORT_WORLD,
  BOMB_WORLD,
  TOKENS_WORLD,
  LEVEL_CHANGE_WORLD,
  IMPORT_LEVEL_WORLD,
  SEVERITY_WORLD,
];

/**
 * authz-matrix.spec.ts: a Kiên Giang and a Lai Châu of its own, where it saves figures of 2026-W10, ticks tasks, sets
 * due dates, and adds users, plan versions and populations; every demo account of those provinces has its mirror
 * there (mirrorAccount), and the matrix signs in with those instead of the demo's.
 */
export const MATRIX_KG: ShapedWorld = {
  code: '73',
  name: 'Tỉnh Ma trận Kiên Giang',
  shapeOf: '91',
  slug: 'ma-tran-kg',
};
export const MATRIX_LC: ShapedWorld = { code: '71', name: 'Tỉnh Ma trận Lai Châu', shapeOf: '12', slug: 'ma-tran-lc' };
export const MATRIX_MIRRORED: Record<ShapedWorld['shapeOf'], DemoAccountKey[]> = {
  '91': ['dataEntryKG', 'leaderKG', 'districtKG', 'agencyKG'],
  '12': ['dataEntryLC', 'leaderLC', 'districtLC', 'agencyLC'],
};

/**
 * province-page.spec.ts (read only): a province with Lai Châu's plan and the issue's example population (460,196). In
 * 2026-W47 its eight districts have reported 2,100 cases with 4 free beds and 1 ICU bed each, the provincial
 * hospitals' row has not: a surge that row could still undo ("Chưa chốt"). In 2026-W46 every unit reported 10 cases,
 * no free beds and no ICU: normal, with the capacity note.
 */
export const VERDICT_WORLD = {
  code: '57',
  name: 'Tỉnh Thử nghiệm Kết luận',
  population: 460_196,
  districts: 8,
  unsettledWeek: '2026-W47',
  capacityWeek: '2026-W46',
  leader: person('lanhdao@ket-luan.world.surgewatch.vn', 'Lãnh đạo tỉnh Kết luận'),
  dataEntry: person('nhaplieu@ket-luan.world.surgewatch.vn', 'Nhập liệu tỉnh Kết luận'),
} as const;

/**
 * proposal.spec.ts ("Done when" #1 of issue 13): the same Lai Châu example as VERDICT_WORLD in a province of its own,
 * where the automatic rule has run on the eight districts' saves (an unsettled surge: a proposal, no plan); the spec
 * then saves the provincial hospitals' row.
 */
export const PROPOSAL_WORLD = {
  code: '59',
  name: 'Tỉnh Thử nghiệm Đề xuất',
  population: 460_196,
  districts: 8,
  leader: person('lanhdao@de-xuat.world.surgewatch.vn', 'Lãnh đạo tỉnh Đề xuất'),
  dataEntry: person('nhaplieu@de-xuat.world.surgewatch.vn', 'Nhập liệu tỉnh Đề xuất'),
} as const;

/**
 * growth.spec.ts (read only): "tăng nhanh" (issue 14). Every unit reports 2026-W44..W47; the province's cases over those
 * weeks are 100, 141, 200, 283 (doubling in ~2 weeks, ↑ 42 % on the week before) and its deaths 20, 14, 10, 7 (halving
 * in ~2 weeks); over 1,000,000 people no criterion is met. Severe cases hold steady; new admissions are not reported.
 */
export const GROWTH_WORLD = {
  code: '47',
  name: 'Tỉnh Thử nghiệm Tăng nhanh',
  population: 1_000_000,
  weeks: ['2026-W44', '2026-W45', '2026-W46', '2026-W47'],
  cases: [100, 141, 200, 283],
  deaths: [20, 14, 10, 7],
  severeCases: [40, 41, 40, 42],
  leader: person('lanhdao@tang-nhanh.world.surgewatch.vn', 'Lãnh đạo tỉnh Tăng nhanh'),
} as const;

/**
 * admin-units.spec.ts (issue 15): a province valid today whose own row and commune come from a catalogue (so that a
 * catalogue update reaches them: the spec renames the commune from a date after the clock), and a former province it
 * succeeded in full, whose leader the spec moves to it. The national overview lists the current province only.
 */
export const UNITS_WORLD = {
  code: '63',
  name: 'Tỉnh Thử nghiệm Đơn vị',
  commune: { code: '63001', name: 'Xã Thử nghiệm Đơn vị', renamed: 'Xã Thử nghiệm Đơn vị Mới' },
  former: { code: '63~20250630', name: 'Tỉnh Thử nghiệm Đơn vị Cũ' },
  formerLeader: person('lanhdao@don-vi-cu.world.surgewatch.vn', 'Lãnh đạo tỉnh Thử nghiệm Đơn vị Cũ'),
} as const;

/**
 * populations-import.spec.ts: a province whose populations the spec imports from a file: two districts (figures of
 * 2019 from the factory) and a commune from 01/07/2025 with no population at all.
 */
export const POPULATION_WORLD = {
  code: '69',
  name: 'Tỉnh Thử nghiệm Dân số',
  districts: ['Huyện Dân số Một', 'Huyện Dân số Hai'],
  commune: { code: '69001', name: 'Xã Dân số Mới', validFrom: '2025-07-01' },
} as const;

/**
 * dashboard-units-in-time.spec.ts (issue 15, read only): units in time on the dashboards, in 2026-W47.
 * - 61 continues through the reform (as Lai Châu): its district 6101 ended on 30/06/2025 but has a report stored for
 *   2026-W47 ("báo cáo theo đơn vị cũ": left out of 61's verdict, shown on 6101's page, not judged); its commune
 *   61001 (from 01/07/2025) and own row report 2026-W47; nothing in 2026-W40.
 * - 6198 ended on 30/06/2025 (as Kiên Giang) with its district 619801, which has a report for 2026-W47 that would be a
 *   surge if judged; 6199, created on 01/07/2025 as its full successor (as An Giang), has no population.
 */
export const TIME_WORLD = {
  code: '61',
  name: 'Tỉnh Thử nghiệm Thời gian',
  population: 300_000,
  endedDistrict: { code: '6101', name: 'Huyện Thời gian Cũ', legacyCases: 7 },
  commune: { code: '61001', name: 'Xã Thời gian Mới', population: 20_000, cases: 12 },
  week: '2026-W47',
  emptyWeek: '2026-W40',
  ended: { code: '6198', name: 'Tỉnh Thử nghiệm Đã Kết thúc', district: '619801', legacyCases: 5_000 },
  noPopulation: { code: '6199', name: 'Tỉnh Thử nghiệm Chưa có Dân số', commune: '619901', cases: 40 },
  national: person('toanquoc@thoi-gian.world.surgewatch.vn', 'Lãnh đạo toàn quốc (Thời gian)'),
} as const;

export const WORLD_PROVINCES = [
  TIME_WORLD,
  TIME_WORLD.noPopulation,
  UNITS_WORLD,
  POPULATION_WORLD,
  GROWTH_WORLD,
  ACTIVATION_WORLD,
  TASKS_WORLD,
  FUZZ_WORLD,
  MATRIX_WORLD,
  VERDICT_WORLD,
  PROPOSAL_WORLD,
  ...LAI_CHAU_WORLDS,
  MATRIX_KG,
  MATRIX_LC,
].map((w) => w.code);

/** The demo's provinces as the national overview shows them in 2026-W47 (no spec writes their figures). */
export const DEMO_NATIONAL = {
  /** the demo's four (since the 2025 reform): An Giang, Lai Châu, then Đồng Nai and Ninh Bình in either order */
  levels: { '91': 'surge', '12': 'warning', '75': 'normal', '37': 'normal' },
  /** every province valid in the week: the 34 of the catalogue since 01/07/2025 (the demo's four among them; the
   * other 30 have no population: "no-data") and the worlds' */
  rows: 34 + WORLD_PROVINCES.length,
} as const;
