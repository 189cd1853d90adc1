import 'server-only';
import { formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import { IMPORT_COLUMNS } from '@/lib/validations/weekly-report';
import type { Column } from './files';
import type { ReportingUnit } from './queries';
import type { ExportRow } from './range';

// The columns of the export (figures with their rates and verdicts) and of the import template.

const n = (v: number | null) => v;

export const EXPORT_COLUMNS: Column<ExportRow>[] = [
  { key: 'iso_week', value: (r) => r.isoWeek, width: 10 },
  { key: 'unit_code', value: (r) => r.unitCode, width: 10 },
  { key: 'unit_name', value: (r) => r.unitName, width: 28 },
  { key: 'row_type', value: (r) => r.rowType, width: 20 },
  { key: 'new_cases', value: (r) => n(r.newCases), numFmt: '0' },
  { key: 'oxygen_avg_7d', value: (r) => n(r.oxygenAvg7d), numFmt: '0.00' },
  { key: 'free_covid_beds', value: (r) => n(r.freeCovidBeds), numFmt: '0' },
  { key: 'staffed_icu_beds', value: (r) => n(r.staffedIcuBeds), numFmt: '0' },
  { key: 'total_covid_beds', value: (r) => n(r.totalCovidBeds), numFmt: '0' },
  { key: 'icu_beds', value: (r) => n(r.totalIcuBeds), numFmt: '0' },
  { key: 'severe_cases', value: (r) => n(r.severeCases), numFmt: '0' },
  { key: 'new_admissions', value: (r) => n(r.newAdmissions), numFmt: '0' },
  { key: 'deaths', value: (r) => n(r.deaths), numFmt: '0' },
  { key: 'population', value: (r) => n(r.population), numFmt: '#,##0' },
  { key: 'cases_per_100k', value: (r) => n(r.casesPer100k), numFmt: '0.00' },
  { key: 'oxygen_per_100k', value: (r) => n(r.oxygenPer100k), numFmt: '0.00' },
  { key: 'free_beds_per_100k', value: (r) => n(r.freeBedsPer100k), numFmt: '0.00' },
  { key: 'icu_beds_per_100k', value: (r) => n(r.icuBedsPer100k), numFmt: '0.00' },
  { key: 'severe_per_100k', value: (r) => n(r.severePer100k), numFmt: '0.00' },
  { key: 'admissions_per_100k', value: (r) => n(r.admissionsPer100k), numFmt: '0.00' },
  { key: 'deaths_per_100k', value: (r) => n(r.deathsPer100k), numFmt: '0.00' },
  { key: 'deaths_per_1m', value: (r) => n(r.deathsPer1m), numFmt: '0.00' },
  { key: 'level', value: (r) => r.level, width: 10 },
  { key: 'provisional', value: (r) => r.provisional, width: 12 },
  { key: 'settled', value: (r) => r.settled, width: 10 },
  { key: 'reported_units', value: (r) => r.reportedUnits, width: 15 },
  { key: 'plan', value: (r) => r.plan, width: 40 },
  // last, so that readers of the earlier columns by position are unaffected
  { key: 'former_unit', value: (r) => r.formerUnit, width: 12 },
];

export interface TemplateRow {
  unitCode: string;
  unitName: string;
  isoWeek: string;
}

/** The import columns, plus unit_name to read the file by (ignored on import); figures left empty to fill in. */
export const TEMPLATE_COLUMNS: Column<TemplateRow>[] = [
  { key: 'unit_code', value: (r) => r.unitCode, width: 10, numFmt: '@' },
  { key: 'unit_name', value: (r) => r.unitName, width: 28 },
  { key: 'iso_week', value: (r) => r.isoWeek, width: 10, numFmt: '@' },
  ...IMPORT_COLUMNS.slice(2).map(([key]) => ({
    key,
    value: () => null,
    numFmt: key === 'oxygen_avg_7d' ? '0.00' : '0',
  })),
];

export function templateRows(units: ReportingUnit[], week: IsoWeek): TemplateRow[] {
  // the units valid that week, by the GSO code they hold then (the import resolves it with the row's week)
  return units.map((u) => ({ unitCode: u.gsoCode, unitName: u.name, isoWeek: formatIsoWeek(week) }));
}
