import { addWeeks, type IsoWeek } from '@/lib/epi-week';
import type { CriterionKey } from '@/lib/surge';

// Deterministic synthetic weekly reports for the demo (and the tests' data builders). Same inputs, same numbers:
// a seeded PRNG per unit, no Math.random. Rates are per 100,000 of the province; each province follows a profile.

export interface ReportingUnit {
  code: string;
  kind: 'province' | 'district' | 'commune' | 'facility';
  /** 0 when the unit has none (facilities: they report beds, no rate is computed over them) */
  population: number;
}

export interface SyntheticReport extends IsoWeek {
  unitCode: string;
  newCases: number | null;
  oxygenAvg7d: number | null;
  freeCovidBeds: number | null;
  staffedIcuBeds: number | null;
  totalCovidBeds: number | null;
  totalIcuBeds: number | null;
  severeCases: number | null;
  newAdmissions: number | null;
  deaths: number | null;
}

/** Province-level rates per 100k at baseline and at the end of the series; the wave rises over `waveWeeks`. */
export interface Profile {
  baseline: Rates;
  latest: Rates;
  waveWeeks: number;
  /** units (by code: districts, communes or facilities) that have not reported the latest week, so completeness is
   * visible */
  missingLatest: string[];
}

/** Per 100k, by the criterion each rate is judged under. */
type Rates = Record<CriterionKey, number>;

export const PROFILES: Record<string, Profile> = {
  // Kiên Giang: a wave reaching the surge scenario in the latest weeks (cases > 450 and free beds < 10 per 100k)
  '91': {
    baseline: { cases: 35, oxygen: 2.5, freeBeds: 55, icuBeds: 7.5 },
    latest: { cases: 610, oxygen: 41, freeBeds: 6.5, icuBeds: 3.1 },
    waveWeeks: 8,
    missingLatest: [],
  },
  // Lai Châu: epidemic criteria met, capacity holding: 'warning'
  '12': {
    baseline: { cases: 25, oxygen: 1.5, freeBeds: 45, icuBeds: 6.5 },
    latest: { cases: 600, oxygen: 22, freeBeds: 24, icuBeds: 5.6 },
    waveWeeks: 6,
    missingLatest: ['106'],
  },
  // Bình Phước and Hà Nam: normal
  '70': {
    baseline: { cases: 30, oxygen: 2, freeBeds: 50, icuBeds: 7 },
    latest: { cases: 60, oxygen: 3.5, freeBeds: 44, icuBeds: 6.8 },
    waveWeeks: 10,
    missingLatest: ['691'],
  },
  '35': {
    baseline: { cases: 28, oxygen: 2.2, freeBeds: 52, icuBeds: 7.2 },
    latest: { cases: 45, oxygen: 2.9, freeBeds: 49, icuBeds: 7 },
    waveWeeks: 10,
    missingLatest: ['352'],
  },
};

/**
 * The demo's story since the 2025 reform, by the handles of the demo provinces (src/server/seed/demo-units.ts): each
 * follows the profile of the province of the source plans it succeeded, the unit missing in the latest week now a
 * commune (Xã Bình Lư, the heart of the former huyện Tam Đường; Xã Bù Gia Mập; Xã Bình Lục).
 */
export const DEMO_PROFILES: Record<string, Profile> = {
  '91': PROFILES['91']!, // An Giang (with old Kiên Giang): surge
  '12': { ...PROFILES['12']!, missingLatest: ['03390'] }, // Lai Châu: warning
  '75': { ...PROFILES['70']!, missingLatest: ['25222'] }, // Đồng Nai (with old Bình Phước): normal
  '37': { ...PROFILES['35']!, missingLatest: ['13504'] }, // Ninh Bình (with old Hà Nam): normal
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Share of the province's beds, ICU and oxygen patients held by its province-level hospitals. */
const PROVINCE_FACILITY_SHARE = 0.45;

/** The severity figures of one unit-week: null when the unit left them blank. */
type Severity = Pick<SyntheticReport, 'severeCases' | 'newAdmissions' | 'deaths'>;
const NO_SEVERITY: Severity = { severeCases: null, newAdmissions: null, deaths: null };

/**
 * The week's severity as shares of its new cases: severe cases under treatment 2-4 %, new admissions 8-12 %, deaths
 * 0.3-1 %. Drawn from a generator of their own, so that the other figures are the same numbers as before issue 14.
 */
function severityShares(rand: () => number) {
  return { severe: 0.02 + rand() * 0.02, admissions: 0.08 + rand() * 0.04, deaths: 0.003 + rand() * 0.007 };
}

function severityOf(cases: number, shares: ReturnType<typeof severityShares>): Severity {
  return {
    severeCases: Math.round(cases * shares.severe),
    newAdmissions: Math.round(cases * shares.admissions),
    deaths: Math.round(cases * shares.deaths),
  };
}

/** About one district in six does not report severity figures at all (the grid shows them blank, not 0). */
const neverReportsSeverity = (code: string) => mulberry32(hash(`severity-unit:${code}`))() < 1 / 6;

/**
 * Weekly reports of one province's reporting units (its own row first), `weeks` weeks ending with `last`, the same
 * units every week: the district system (the province's own row reports no cases: cases are counted where people
 * live, by district).
 */
export function buildSyntheticReports(
  provinceCode: string,
  units: ReportingUnit[],
  last: IsoWeek,
  weeks = 52,
  profile: Profile = PROFILES[provinceCode] ?? PROFILES['35']!,
): SyntheticReport[] {
  if (!units.some((u) => u.kind === 'province')) throw new Error(`No province row among the units of ${provinceCode}`);
  return buildWeeklyReports(provinceCode, () => units, last, weeks, profile);
}

const intensityOf = (code: string) => 0.5 + mulberry32(hash(`intensity:${code}`))() * 1.1;
/** A facility's share of the province's beds outside the provincial hospitals: 0.7x to 1.3x an even share. */
const capacityWeightOf = (code: string) => 0.7 + mulberry32(hash(`capacity:${code}`))() * 0.6;

/**
 * Weekly reports of one province, `weeks` weeks ending with `last`, by the units expected in each week (`unitsOf`:
 * src/server/units/validity.ts decides them; a week without the province's own row gets no report). The province's
 * figures follow the profile; who reports which of them follows src/lib/units.ts:
 * - district system (no commune expected): the province row reports oxygen and beds (its share of them), each district
 *   all four and the severity figures;
 * - commune system (since 01/07/2025): communes report new cases and oxygen; the province row and the facilities
 *   (regional health centres) report free COVID-19 beds and ICU beds with their totals, and the severity figures,
 *   since those are counted in hospitals.
 * A district-only input gives the very numbers buildSyntheticReports always gave (the tests' and scripts' histories).
 */
export function buildWeeklyReports(
  provinceCode: string,
  unitsOf: (week: IsoWeek) => readonly ReportingUnit[],
  last: IsoWeek,
  weeks = 52,
  profile: Profile = PROFILES[provinceCode] ?? PROFILES['35']!,
): SyntheticReport[] {
  const rand = mulberry32(hash(provinceCode));
  const severityRand = mulberry32(hash(`severity:${provinceCode}`));
  const reports: SyntheticReport[] = [];

  for (let i = 0; i < weeks; i++) {
    const week = addWeeks(last, i - weeks + 1);
    const fromEnd = weeks - 1 - i;
    const units = unitsOf(week);
    const province = units.find((u) => u.kind === 'province');
    if (!province) continue;
    // a logistic rise over the wave's weeks, with a little week-to-week noise
    const progress =
      fromEnd >= profile.waveWeeks
        ? 0
        : 1 / (1 + Math.exp(-((profile.waveWeeks - fromEnd) / profile.waveWeeks - 0.55) * 9));
    const wobble = () => 0.92 + rand() * 0.16;
    const rate = (k: keyof Rates) =>
      profile.baseline[k] + (profile.latest[k] - profile.baseline[k]) * (fromEnd === 0 ? 1 : progress);
    const per100k = (r: number) => (r * province.population) / 100_000;
    // the province's counts (not rounded yet), named as the report's fields
    const total = {
      newCases: per100k(rate('cases') * (fromEnd === 0 ? 1 : wobble())),
      oxygenAvg7d: per100k(rate('oxygen') * (fromEnd === 0 ? 1 : wobble())),
      freeCovidBeds: per100k(rate('freeBeds')),
      staffedIcuBeds: per100k(rate('icuBeds')),
    };
    const occupiedShare = Math.min(0.95, 0.25 + progress * 0.7);
    // the province's hospitals treat a share of the severe cases, as they hold a share of the beds
    const shares = severityShares(severityRand);
    const totals: WeekTotals = { week, fromEnd, total, occupiedShare, shares, profile, rand };
    if (units.some((u) => u.kind === 'commune')) reports.push(...communeWeek(province, units, totals));
    else reports.push(...districtWeek(province, units, totals));
  }
  return reports;
}

interface WeekTotals {
  week: IsoWeek;
  fromEnd: number;
  total: Record<'newCases' | 'oxygenAvg7d' | 'freeCovidBeds' | 'staffedIcuBeds', number>;
  occupiedShare: number;
  shares: ReturnType<typeof severityShares>;
  profile: Profile;
  rand: () => number;
}

function districtWeek(province: ReportingUnit, units: readonly ReportingUnit[], w: WeekTotals): SyntheticReport[] {
  const { week, fromEnd, total, occupiedShare, shares, profile, rand } = w;
  const districts = units.filter((u) => u.kind === 'district');
  const districtPopulation = districts.reduce((s, d) => s + d.population, 0);
  // Districts differ: each carries its own intensity (0.5x to 1.6x the provincial rate), so hotspots show. The
  // province's total stays as the profile says because the shares are normalised.
  const weighted = districts.reduce((s, d) => s + d.population * intensityOf(d.code), 0);
  const own = {
    oxygenAvg7d: round2(total.oxygenAvg7d * PROVINCE_FACILITY_SHARE),
    freeCovidBeds: Math.round(total.freeCovidBeds * PROVINCE_FACILITY_SHARE),
    staffedIcuBeds: Math.round(total.staffedIcuBeds * PROVINCE_FACILITY_SHARE),
  };
  const reports: SyntheticReport[] = [
    {
      ...week,
      unitCode: province.code,
      newCases: null,
      oxygenAvg7d: own.oxygenAvg7d,
      freeCovidBeds: own.freeCovidBeds,
      staffedIcuBeds: own.staffedIcuBeds,
      totalCovidBeds: Math.round(own.freeCovidBeds / (1 - occupiedShare)),
      totalIcuBeds: own.staffedIcuBeds + Math.round(own.staffedIcuBeds * 0.2),
      ...severityOf(total.newCases * PROVINCE_FACILITY_SHARE, shares),
    },
  ];

  for (const d of districts) {
    const share = d.population / districtPopulation;
    const epiShare = (d.population * intensityOf(d.code)) / weighted;
    const skip = fromEnd === 0 ? profile.missingLatest.includes(d.code) : rand() < 0.015;
    const partial = rand() < 0.03; // ICU not reported this week
    const jitter = 0.85 + rand() * 0.3;
    if (skip) continue;
    // a unit that keeps the severity figures reports them every week it reports: growth compares like with like
    // (src/lib/growth.ts), and a blank here and there would leave the demo without any severity growth to show
    const blankSeverity = neverReportsSeverity(d.code);
    const free = Math.round(total.freeCovidBeds * (1 - PROVINCE_FACILITY_SHARE) * share);
    const icu = Math.round(total.staffedIcuBeds * (1 - PROVINCE_FACILITY_SHARE) * share);
    const newCases = Math.round(total.newCases * epiShare * (fromEnd === 0 ? 1 : jitter));
    reports.push({
      ...week,
      unitCode: d.code,
      newCases,
      oxygenAvg7d: round2(total.oxygenAvg7d * (1 - PROVINCE_FACILITY_SHARE) * epiShare * (fromEnd === 0 ? 1 : jitter)),
      freeCovidBeds: free,
      staffedIcuBeds: partial && fromEnd > 0 ? null : icu,
      totalCovidBeds: Math.round(free / (1 - occupiedShare)),
      totalIcuBeds: partial && fromEnd > 0 ? null : icu + Math.round(icu * 0.25),
      ...(blankSeverity ? NO_SEVERITY : severityOf(newCases * (1 - PROVINCE_FACILITY_SHARE), shares)),
    });
  }
  return reports;
}

function communeWeek(province: ReportingUnit, units: readonly ReportingUnit[], w: WeekTotals): SyntheticReport[] {
  const { week, fromEnd, total, occupiedShare, shares, profile, rand } = w;
  const communes = units.filter((u) => u.kind === 'commune');
  const facilities = units.filter((u) => u.kind === 'facility');
  const weighted = communes.reduce((s, c) => s + c.population * intensityOf(c.code), 0);
  const capacityWeights = facilities.reduce((s, f) => s + capacityWeightOf(f.code), 0);
  // with no facility listed, the province row holds all the beds
  const provinceShare = facilities.length > 0 ? PROVINCE_FACILITY_SHARE : 1;
  const skipped = (code: string) => (fromEnd === 0 ? profile.missingLatest.includes(code) : rand() < 0.015);
  const noEpidemic = { newCases: null, oxygenAvg7d: null } as const;
  const noCapacity = { freeCovidBeds: null, staffedIcuBeds: null, totalCovidBeds: null, totalIcuBeds: null } as const;
  const beds = (free: number, icu: number | null) => ({
    freeCovidBeds: free,
    staffedIcuBeds: icu,
    totalCovidBeds: Math.round(free / (1 - occupiedShare)),
    totalIcuBeds: icu === null ? null : icu + Math.round(icu * 0.2),
  });

  const ownIcu = Math.round(total.staffedIcuBeds * provinceShare);
  const reports: SyntheticReport[] = [
    {
      ...week,
      unitCode: province.code,
      ...noEpidemic,
      ...beds(Math.round(total.freeCovidBeds * provinceShare), ownIcu),
      ...severityOf(total.newCases * provinceShare, shares),
    },
  ];
  for (const f of facilities) {
    const share = ((1 - provinceShare) * capacityWeightOf(f.code)) / capacityWeights;
    const skip = skipped(f.code);
    const partial = rand() < 0.03; // ICU not reported this week
    if (skip) continue;
    const icu = Math.round(total.staffedIcuBeds * share);
    reports.push({
      ...week,
      unitCode: f.code,
      ...noEpidemic,
      ...beds(Math.round(total.freeCovidBeds * share), partial && fromEnd > 0 ? null : icu),
      // as for districts: a facility that keeps the severity figures reports them every week it reports
      ...(neverReportsSeverity(f.code) ? NO_SEVERITY : severityOf(total.newCases * share, shares)),
    });
  }
  // Communes differ as districts do (intensity 0.5x to 1.6x), so hotspots show; they hold every oxygen patient the
  // province counts, since the province row reports none under this system.
  for (const c of communes) {
    const epiShare = (c.population * intensityOf(c.code)) / weighted;
    const skip = skipped(c.code);
    const jitter = fromEnd === 0 ? 1 : 0.85 + rand() * 0.3;
    if (skip) continue;
    reports.push({
      ...week,
      unitCode: c.code,
      newCases: Math.round(total.newCases * epiShare * jitter),
      oxygenAvg7d: round2(total.oxygenAvg7d * epiShare * jitter),
      ...noCapacity,
      ...NO_SEVERITY,
    });
  }
  return reports;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
