import type { CountField } from '@/lib/surge';
import { FIGURE_FIELDS, SEVERITY_FIGURE_FIELDS, type FigureField } from '@/lib/validations/figures';

// Who reports what (issue 15, docs/adr/0014-units-in-time.md). Shared by the server (checks, expected reporters,
// missing reports) and the browser (the entry grid greys out the figures a row does not report).
//
// A province-week is under one of two systems:
// - the district system (before 1 July 2025, and any province whose reporters are districts): the province's own row
//   (its provincial hospitals and facilities) reports oxygen, free beds and ICU beds, never new cases; each district
//   reports all four;
// - the commune system (from 1 July 2025): communes report new cases and patients on oxygen; free COVID-19 beds and ICU
//   beds are reported by the province's own row and by the facility units it lists (its regional health centres,
//   "trung tâm y tế khu vực", which replaced the district health centres).
// A province-week is under the commune system when it has communes expected to report that week.

export type UnitKind = 'province' | 'district' | 'commune' | 'facility';
export type ReportingSystem = 'district' | 'commune';

const ALL: readonly CountField[] = ['newCases', 'oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds'];
const CAPACITY: readonly CountField[] = ['freeCovidBeds', 'staffedIcuBeds'];
const EPIDEMIC: readonly CountField[] = ['newCases', 'oxygenAvg7d'];
const PROVINCE_ROW_DISTRICT_SYSTEM: readonly CountField[] = ['oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds'];

/** The judged figures a reporting unit of this kind reports in a week under this system (empty: it reports none). */
export function figuresReportedBy(kind: string, system: ReportingSystem): readonly CountField[] {
  switch (kind) {
    case 'province':
      return system === 'district' ? PROVINCE_ROW_DISTRICT_SYSTEM : CAPACITY;
    case 'district':
      return ALL;
    case 'commune':
      return EPIDEMIC;
    case 'facility':
      return CAPACITY;
    default:
      return ALL;
  }
}

/** Whether a unit of this kind reports bed totals (total COVID-19 and ICU beds) beside free and staffed beds. */
export function reportsBedTotals(kind: string, system: ReportingSystem): boolean {
  return figuresReportedBy(kind, system).includes('freeCovidBeds');
}

/**
 * Every figure a row of this kind may hold under this system: the judged ones and bed totals its role reports, and
 * the severity figures (optional on any reporting row). The save refuses the others; the grid has no input for them.
 */
export function figuresAllowed(kind: string, system: ReportingSystem): FigureField[] {
  const judged: readonly string[] = figuresReportedBy(kind, system);
  const totals = reportsBedTotals(kind, system);
  return FIGURE_FIELDS.filter(
    (f) =>
      judged.includes(f) ||
      (SEVERITY_FIGURE_FIELDS as readonly string[]).includes(f) ||
      ((f === 'totalCovidBeds' || f === 'totalIcuBeds') && totals),
  );
}

/** Who reports a figure under a system, as one key ("province_facility") of a message's select. */
export function reportersOf(field: FigureField, system: ReportingSystem): string {
  const kinds = system === 'commune' ? ['province', 'facility', 'commune'] : ['province', 'district'];
  return kinds.filter((k) => figuresAllowed(k, system).includes(field)).join('_') || 'none';
}

/** The system of a province-week, from the kinds of the units expected to report in it. */
export function reportingSystem(kinds: Iterable<string>): ReportingSystem {
  for (const k of kinds) if (k === 'commune') return 'commune';
  return 'district';
}

/** Per judged figure, how many of these expected reporters report it. */
export function expectedByKind(kinds: readonly string[]): Record<CountField, number> {
  const system = reportingSystem(kinds);
  const out: Record<CountField, number> = { newCases: 0, oxygenAvg7d: 0, freeCovidBeds: 0, staffedIcuBeds: 0 };
  for (const k of kinds) for (const f of figuresReportedBy(k, system)) out[f]++;
  return out;
}

/** A date (YYYY-MM-DD) written the Vietnamese way, dd/mm/yyyy, for validity messages. */
export function viDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** A unit's validity in words: "từ 01/07/2025", "đến 30/06/2025", "01/07/2025–31/12/2030", or null when open. */
export function validityText(validFrom: string | null, validTo: string | null, locale: 'vi' | 'en' = 'vi'): string {
  const from = validFrom ? viDate(validFrom) : null;
  const to = validTo ? viDate(validTo) : null;
  if (from && to) return `${from}–${to}`;
  if (from) return locale === 'vi' ? `từ ${from}` : `from ${from}`;
  if (to) return locale === 'vi' ? `đến ${to}` : `until ${to}`;
  return locale === 'vi' ? 'không giới hạn' : 'open';
}
