import type { IsoWeek } from '@/lib/epi-week';
import { COUNT_FIELD, CRITERION_KEYS, type CountField } from '@/lib/surge';
import { figuresReportedBy, reportingSystem } from '@/lib/units';
import { reportingInWeekWhere } from '@/server/units/validity';
import type { Client } from './facts';

// What the province still waits for in a week: each unit expected to report in it (valid on its Thursday) and the
// figures of its own it has not reported (figuresReportedBy: before 1 July 2025 the province's own row never reports
// new cases; after it, communes report cases and oxygen, the province row and facilities beds and ICU). An unsettled
// verdict names these. No `server-only`: read through the save's transaction as the verdict is.

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
    where: { provinceCode, ...reportingInWeekWhere(week) },
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
  const system = reportingSystem(units.map((u) => u.kind));
  return units.flatMap((u) => {
    const row = u.weekly[0];
    const own = figuresReportedBy(u.kind, system);
    const fields = FIELDS.filter((f) => own.includes(f) && (row === undefined || row[f] === null));
    return fields.length ? [{ unitCode: u.code, unitName: u.name, kind: u.kind, fields }] : [];
  });
}
