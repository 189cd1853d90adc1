import { getNumberFormats } from '@/components/dashboard/format';
import { LevelBadgeView } from '@/components/surge/level-badge';
import { getTranslations } from '@/i18n/server';
import type { UnitWeekRow } from '@/server/queries/provinces';

/** Every reporting unit's figures for the week; a unit that has not reported says so in words, not by a blank row. */
export async function UnitsTable({ provinceCode, week, units }: { provinceCode: string; week: string; units: UnitWeekRow[] }) {
  const t = await getTranslations('province');
  const tf = await getTranslations('figures');
  const tc = await getTranslations('criteria');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  const levelLabel = { surge: tl('surge'), warning: tl('warning'), normal: tl('normal'), 'no-data': tl('no-data') };
  const provisional = tl('provisional');
  const cell = (v: number | null | undefined, decimals = 0) =>
    v === null || v === undefined ? <span className="text-slate-400">—</span> : decimals ? f.decimal(v, decimals) : f.integer(v);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="units-table">
        <thead className="bg-slate-100 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t('unit')}</th>
            <th scope="col" className="px-3 py-2 text-right">{tf('newCases')}</th>
            <th scope="col" className="px-3 py-2 text-right">{tf('oxygenAvg7d')}</th>
            <th scope="col" className="px-3 py-2 text-right">{tf('freeCovidBeds')}</th>
            <th scope="col" className="px-3 py-2 text-right">{tf('staffedIcuBeds')}</th>
            <th scope="col" className="px-3 py-2 text-right">{tc('cases')}</th>
            <th scope="col" className="px-3 py-2"></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {units.map((u) => {
            const own = u.kind === 'province';
            const casesRate = u.districtVerdict?.criteria.find((c) => c.key === 'cases')?.rate ?? null;
            return (
              <tr key={u.id} className={own ? 'bg-sky-50/60' : undefined}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {own ? (
                    t('ownRow')
                  ) : (
                    <a href={`/provinces/${provinceCode}/districts/${u.code}?week=${week}`} className="text-sky-900 hover:underline">
                      {u.name}
                    </a>
                  )}
                </th>
                {u.counts === null ? (
                  <td colSpan={5} className="px-3 py-2 text-amber-800">
                    <span aria-hidden="true">○ </span>
                    {t('notReported')}
                  </td>
                ) : (
                  <>
                    <td className="px-3 py-2 text-right tabular-nums">{own ? t('notApplicable') : cell(u.counts.newCases)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{cell(u.counts.oxygenAvg7d, 2)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{cell(u.counts.freeCovidBeds)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{cell(u.counts.staffedIcuBeds)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{own ? '' : cell(casesRate, 1)}</td>
                  </>
                )}
                <td className="px-3 py-2">{u.districtVerdict && (
                    <LevelBadgeView level={u.districtVerdict.level} provisional={u.districtVerdict.provisional} label={levelLabel[u.districtVerdict.level]} provisionalLabel={provisional} />
                  )}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
