import { getTranslations } from '@/i18n/server';
import type { DistrictReport, ReportChange } from '@/server/dashboard/district';
import { getNumberFormats } from '@/i18n/server';
import { formatDateTime } from '@/i18n/format';
import { weekAgainstValidity, type UnitValidity } from './week-standing';

// A district's reports week by week, each with the history of its changes from the audit log (who, when, before → after).

const FIGURE_FIELDS = ['newCases', 'oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds'] as const;
/** Named by this table's own headers (the optional figures): the totals and the severity figures. */
const OTHER_FIELDS = ['totalCovidBeds', 'totalIcuBeds', 'severeCases', 'newAdmissions', 'deaths'] as const;
/** Fields of the audit rows that identify the report rather than change it. */
const IDENTITY_FIELDS = new Set(['unitCode', 'week', 'via', 'unitId', 'isoYear', 'isoWeek']);

export async function DistrictReports({
  weeks,
  reports,
  selectedWeek,
  validity,
}: {
  weeks: string[];
  reports: DistrictReport[];
  selectedWeek: string;
  /** the unit's validity: a week outside it with no report is expected of nobody, not "not reported" */
  validity?: UnitValidity;
}) {
  const t = await getTranslations('dashboard');
  const tf = await getTranslations('figures');
  const tp = await getTranslations('province');
  const f = await getNumberFormats();
  const fieldName = (field: string): string => {
    if ((FIGURE_FIELDS as readonly string[]).includes(field)) return tf(field as (typeof FIGURE_FIELDS)[number]);
    if ((OTHER_FIELDS as readonly string[]).includes(field))
      return t(`district.${field as (typeof OTHER_FIELDS)[number]}`);
    if (field === 'version') return t('district.version');
    return field;
  };
  const show = (v: unknown): string =>
    v === null || v === undefined || v === ''
      ? t('district.empty')
      : typeof v === 'number'
        ? f.decimal(v, Number.isInteger(v) ? 0 : 2)
        : String(v);
  const num = (v: number | null, digits = 0) => (v === null ? '—' : f.decimal(v, digits));
  const actionLabel = (action: string) =>
    action.endsWith('.created')
      ? t('district.created')
      : action.endsWith('.updated')
        ? t('district.updatedAction')
        : action.endsWith('.deleted')
          ? t('district.deleted')
          : t('district.otherAction', { action });
  const multiUnit = new Set(reports.map((r) => r.unitCode)).size > 1;
  const byWeek = new Map<string, DistrictReport[]>();
  for (const r of reports) byWeek.set(r.week, [...(byWeek.get(r.week) ?? []), r]);
  const changes = (list: ReportChange[]) => list.filter((c) => !IDENTITY_FIELDS.has(c.field));
  const viaOf = (list: ReportChange[]) => {
    const via = list.find((c) => c.field === 'via')?.after;
    return typeof via === 'string' && via ? via : null;
  };
  const columns = 13 + (multiUnit ? 1 : 0);

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="district-reports">
        <thead className="bg-slate-100 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('district.week')}
            </th>
            {multiUnit && (
              <th scope="col" className="px-3 py-2">
                {t('district.unit')}
              </th>
            )}
            <th scope="col" className="px-3 py-2 text-right">
              {tf('newCases')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {tf('oxygenAvg7d')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {tf('freeCovidBeds')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {tf('staffedIcuBeds')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('district.totalCovidBeds')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('district.totalIcuBeds')}
            </th>
            <th scope="col" className="border-l border-slate-200 px-3 py-2 text-right">
              {t('district.severeCases')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('district.newAdmissions')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('district.deaths')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('district.version')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('district.updated')}
            </th>
            <th scope="col" className="px-3 py-2"></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {weeks.map((week) => {
            const list = byWeek.get(week) ?? [];
            const selected = week === selectedWeek ? 'bg-sky-50' : undefined;
            if (list.length === 0) {
              const standing = validity ? weekAgainstValidity(week, validity) : 'valid';
              return (
                <tr key={week} className={selected} data-week={week}>
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                    {week}
                  </th>
                  {standing === 'valid' ? (
                    <td colSpan={columns - 1} className="px-3 py-2 text-amber-800">
                      <span aria-hidden="true">○ </span>
                      {tp('notReported')}
                    </td>
                  ) : (
                    <td colSpan={columns - 1} className="px-3 py-2 text-slate-600" data-standing={standing}>
                      <span aria-hidden="true">⊘ </span>
                      {t(`standing.${standing}`)}
                    </td>
                  )}
                </tr>
              );
            }
            return list.map((r) => (
              <tr key={r.id} className={selected} data-week={week} data-legacy={r.legacy ? 'true' : undefined}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 text-left align-top font-medium">
                  {week}
                  {r.legacy && (
                    // kept as stored, never counted in a verdict: the unit was not in force that week
                    <span
                      className="mt-0.5 block rounded border border-slate-400 bg-slate-50 px-1 text-xs font-normal text-slate-700"
                      data-testid="legacy-report"
                    >
                      {t('standing.legacy')}
                    </span>
                  )}
                </th>
                {multiUnit && <td className="px-3 py-2 align-top">{r.unitName}</td>}
                <td className="px-3 py-2 text-right align-top tabular-nums">{num(r.newCases)}</td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{num(r.oxygenAvg7d, 2)}</td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{num(r.freeCovidBeds)}</td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{num(r.staffedIcuBeds)}</td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{num(r.totalCovidBeds)}</td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{num(r.totalIcuBeds)}</td>
                <td className="border-l border-slate-200 px-3 py-2 text-right align-top tabular-nums">
                  {num(r.severeCases)}
                </td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{num(r.newAdmissions)}</td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{num(r.deaths)}</td>
                <td className="px-3 py-2 text-right align-top tabular-nums">{r.version}</td>
                <td className="whitespace-nowrap px-3 py-2 align-top text-xs text-slate-600">
                  {(r.updatedBy ?? r.createdBy)
                    ? t('district.updatedBy', {
                        at: formatDateTime(f.locale, r.updatedAt),
                        name: (r.updatedBy ?? r.createdBy)!,
                      })
                    : formatDateTime(f.locale, r.updatedAt)}
                </td>
                <td className="px-3 py-2 align-top text-xs">
                  {r.history.length === 0 ? (
                    <span className="text-slate-500">{t('district.noHistory')}</span>
                  ) : (
                    <details>
                      <summary className="cursor-pointer text-sky-900">
                        {t('district.history', { count: r.history.length })}
                      </summary>
                      <ol className="mt-1 space-y-1">
                        {r.history.map((h, i) => (
                          <li key={i} className="border-l-2 border-slate-300 pl-2">
                            <p className="font-medium">
                              {actionLabel(h.action)} · {formatDateTime(f.locale, h.at)} · {h.actor}
                              {viaOf(h.changes) && (
                                <span className="font-normal text-slate-600">
                                  {' '}
                                  · {t('district.via', { via: viaOf(h.changes)! })}
                                </span>
                              )}
                            </p>
                            <ul>
                              {changes(h.changes).map((c) => (
                                <li key={c.field}>
                                  {t('district.change', {
                                    field: fieldName(c.field),
                                    before: show(c.before),
                                    after: show(c.after),
                                  })}
                                </li>
                              ))}
                            </ul>
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
