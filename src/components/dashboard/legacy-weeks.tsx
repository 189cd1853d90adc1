import { getNumberFormats, getTranslations } from '@/i18n/server';
import type { WeekFigures } from '@/server/verdicts/series';
import { legacyWeeks } from './week-standing';

const FIELDS = ['newCases', 'oxygenAvg7d', 'freeCovidBeds', 'staffedIcuBeds'] as const;

/**
 * Under the trend charts: the weeks of the series with reports stored under ended units ("báo cáo theo đơn vị cũ").
 * Outside the unit's validity the charts have no point (no verdict, no population), so their sums are listed here,
 * labelled, for information; inside it, how many such reports the week's verdict left out. Nothing when there are none.
 */
export async function LegacyWeeks({ series }: { series: readonly WeekFigures[] }) {
  const weeks = legacyWeeks(series);
  if (weeks.length === 0) return null;
  const t = await getTranslations('dashboard');
  const tf = await getTranslations('figures');
  const f = await getNumberFormats();
  const show = (v: number | null, digits = 0) => (v === null ? '—' : digits ? f.decimal(v, digits) : f.integer(v));
  return (
    <section className="mt-6" data-testid="legacy-weeks">
      <h3 className="mb-1 text-base font-semibold text-slate-800">{t('standing.legacyTitle')}</h3>
      <p className="mb-2 text-xs text-slate-600">{t('standing.legacyHelp')}</p>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('standing.legacyWeek')}
              </th>
              {FIELDS.map((field) => (
                <th key={field} scope="col" className="px-3 py-2 text-right">
                  {tf(field)}
                </th>
              ))}
              <th scope="col" className="px-3 py-2">
                {t('standing.legacyNote')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {weeks.map(({ figures: w, outside }) => (
              <tr key={w.week} data-week={w.week} data-outside={String(outside)}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                  {w.week}
                </th>
                {outside ? (
                  FIELDS.map((field) => (
                    <td key={field} className="px-3 py-2 text-right tabular-nums">
                      {show(w.counts[field], field === 'oxygenAvg7d' ? 1 : 0)}
                    </td>
                  ))
                ) : (
                  <td colSpan={FIELDS.length} className="px-3 py-2 text-right text-slate-500">
                    —
                  </td>
                )}
                <td className="min-w-48 px-3 py-2 text-xs">
                  {outside
                    ? `${t('standing.legacy')} (${w.legacy}): ${t('standing.legacyShown')}`
                    : t('standing.legacyLeftOut', { count: w.legacy })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
