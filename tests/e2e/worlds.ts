// The end-to-end specs' own data: a "world" per spec that writes what another spec reads, built with the test
// factories by tests/e2e/server.ts before the app starts, beside the demo data. Each world has fixed names (province
// code, users' e-mails) so the spec that owns it imports them from here; no other spec touches them, so the files can
// run on several workers at once. The demo itself is only read, or written where no other spec looks (see each spec).
//
// Every world province shows up in the national overview (it lists every province): at rest the activation world is in
// early warning in the last complete week, the others have no figures for it (NATIONAL_AT_REST).
// Names only: the specs import this file, tests/e2e/build-worlds.ts writes the worlds.

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

export const WORLD_PROVINCES = [ACTIVATION_WORLD, TASKS_WORLD, FUZZ_WORLD, MATRIX_WORLD].map((w) => w.code);

/** The national overview of the last complete week when no spec is moving a verdict: the demo's and the worlds'. */
export const NATIONAL_AT_REST = {
  surge: 1, // Kiên Giang
  warning: 2, // Lai Châu and the activation world
  normal: 2, // Bình Phước and Hà Nam
  rows: 4 + WORLD_PROVINCES.length,
};
