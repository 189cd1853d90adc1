import type { IsoWeek } from '@/lib/epi-week';
import { COUNT_FIELD, CRITERION_KEYS, type CountField } from '@/lib/surge';
import type { Client } from './facts';

// What the province still waits for in a week: each reporting unit and the figures it has not reported (the province's
// own row is not expected to report new cases: expectedReporters in src/lib/surge). An unsettled verdict names these.
// No `server-only`: read through the save's transaction as the verdict is.

export interface MissingReport {
  unitCode: string;
  unitName: string;
  kind: string;
  /** the figures not reported, in the criteria's order */
  fields: CountField[];
}

const FIELDS: readonly CountField[] = CRITERION_KEYS.map((k) => COUNT_FIELD[k]);

export async function missingReports(client: Client, provinceCode: string, week: IsoWeek): Promise<MissingReport[]> {
  const units = await client.adminUnit.findMany({
    where: { provinceCode, reports: true },
    select: {
      code: true,
      name: true,
      kind: true,
      weekly: {
        where: { isoYear: week.isoYear, isoWeek: week.isoWeek },
        select: { newCases: true, oxygenAvg7d: true, freeCovidBeds: true, staffedIcuBeds: true },
      },
    },
    orderBy: [{ depth: 'asc' }, { code: 'asc' }],
  });
  return units.flatMap((u) => {
    const row = u.weekly[0];
    const fields = FIELDS.filter(
      (f) => !(f === 'newCases' && u.kind === 'province') && (row === undefined || row[f] === null),
    );
    return fields.length ? [{ unitCode: u.code, unitName: u.name, kind: u.kind, fields }] : [];
  });
}
