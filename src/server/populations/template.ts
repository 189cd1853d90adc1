import 'server-only';
import { toCsv, type Column } from '@/server/reports/files';

// The file an administrator fills: the province's units valid in the year, with the figures stored for that year, in
// the import's own columns (unit_name is for reading only). A row left without a population is refused on import, as
// any row without one: fill it or delete it.

export interface TemplateRow {
  gsoCode: string;
  name: string;
  population: number | null;
  approximate: boolean;
  source: string;
}

export function populationTemplateCsv(rows: readonly TemplateRow[], year: number): string {
  const columns: Column<TemplateRow>[] = [
    { key: 'unit_code', value: (r) => r.gsoCode },
    { key: 'unit_name', value: (r) => r.name },
    { key: 'year', value: () => year },
    { key: 'population', value: (r) => r.population },
    { key: 'approximate', value: (r) => (r.population === null ? null : r.approximate) },
    { key: 'source', value: (r) => (r.population === null ? null : r.source) },
  ];
  return toCsv(rows, columns);
}
