import 'server-only';
import { weekMonday, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { hasReported } from '@/lib/validations/figures';
import { db } from '../db';
import type { ScopedResult } from '@/server/verdicts/province-week';
import { getEntryWeek } from './queries';
import { readReports } from './store';

// Which units reported a week, and on time. A week runs Monday to Sunday in Asia/Ho_Chi_Minh; its reports are due by the
// end of the following Monday (the day the department compiles the week). "Reported" means at least one of the four
// judged figures; a report first saved after the deadline is late. Vietnam keeps UTC+7 all year (no daylight saving).

const HOURS = 3_600_000;
const VIETNAM_OFFSET_HOURS = 7;

/** The deadline of a week's reports: 24:00 on the Monday after it, Asia/Ho_Chi_Minh. */
export function dueAt(week: IsoWeek): Date {
  const [y, m, d] = weekMonday(week).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 8) - VIETNAM_OFFSET_HOURS * HOURS);
}

export type UnitStatus = 'onTime' | 'late' | 'missing';

export function statusOf(reportedAt: Date | null, due: Date): UnitStatus {
  if (reportedAt === null) return 'missing';
  return reportedAt.getTime() > due.getTime() ? 'late' : 'onTime';
}

export interface CompletenessUnit {
  code: string;
  name: string;
  /** 'province' | 'district' | 'commune' | 'facility' */
  kind: string;
  /** its official code (the row shows it) */
  gsoCode: string;
  status: UnitStatus;
  /** when the report was first saved */
  reportedAt: string | null;
  updatedBy: string | null;
}

export interface CompletenessView {
  province: { code: string; name: string };
  week: IsoWeek;
  dueAt: string;
  units: CompletenessUnit[];
  counts: { expected: number; reported: number; onTime: number; late: number; missing: number; ratio: number };
}

export async function getCompleteness(
  user: SessionUser,
  provinceCode: string,
  week: IsoWeek,
): Promise<ScopedResult<CompletenessView>> {
  const view = await getEntryWeek(user, provinceCode, week);
  if (view.status !== 'ok') return view;
  const prisma = await db();
  const reports = await readReports(
    prisma,
    view.data.units.map((u) => u.id),
    week,
    week,
  );
  const byUnit = new Map(reports.map((r) => [r.unitId, r]));
  const due = dueAt(week);
  const units = view.data.units.map((u): CompletenessUnit => {
    const r = byUnit.get(u.id);
    const reported = r && hasReported(r.figures) ? r : null;
    return {
      code: u.code,
      gsoCode: u.gsoCode,
      name: u.name,
      kind: u.kind,
      status: statusOf(reported?.createdAt ?? null, due),
      reportedAt: reported?.createdAt.toISOString() ?? null,
      updatedBy: reported?.updatedBy ?? null,
    };
  });
  const count = (s: UnitStatus) => units.filter((u) => u.status === s).length;
  const expected = units.length;
  const reported = expected - count('missing');
  return {
    status: 'ok',
    data: {
      province: { code: view.data.province.code, name: view.data.province.name },
      week,
      dueAt: due.toISOString(),
      units,
      counts: {
        expected,
        reported,
        onTime: count('onTime'),
        late: count('late'),
        missing: count('missing'),
        ratio: expected ? reported / expected : 0,
      },
    },
  };
}
