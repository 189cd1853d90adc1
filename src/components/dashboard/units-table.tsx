import { getNumberFormats } from '@/i18n/server';
import { LevelBadgeView } from '@/components/surge/level-badge';
import { DataTable } from '@/components/ui/data-table';
import { getTranslations } from '@/i18n/server';
import type { UnitWeekRow } from '@/server/verdicts/province-week';

/**
 * Every reporting unit's figures for the week; a unit that has not reported says so in words, not by a blank row.
 * figuresHidden: a unit whose reports the user may not read (its counts were removed on the server; rate and level stay).
 */
export async function UnitsTable({
  provinceCode,
  week,
  units,
}: {
  provinceCode: string;
  week: string;
  units: Array<UnitWeekRow & { figuresHidden?: boolean }>;
}) {
  const t = await getTranslations('province');
  const td = await getTranslations('dashboard');
  const tf = await getTranslations('figures');
  const tc = await getTranslations('criteria');
  const tl = await getTranslations('levels');
  const f = await getNumberFormats();
  const levelLabel = { surge: tl('surge'), warning: tl('warning'), normal: tl('normal'), 'no-data': tl('no-data') };
  const provisional = tl('provisional');
  const cell = (v: number | null | undefined, decimals = 0) =>
    v === null || v === undefined ? (
      <span className="text-slate-400">—</span>
    ) : decimals ? (
      f.decimal(v, decimals)
    ) : (
      f.integer(v)
    );
  return (
    <DataTable
      columns={[
        t('unit'),
        { label: tf('newCases'), align: 'right' },
        { label: tf('oxygenAvg7d'), align: 'right' },
        { label: tf('freeCovidBeds'), align: 'right' },
        { label: tf('staffedIcuBeds'), align: 'right' },
        { label: tc('cases'), align: 'right' },
        '',
      ]}
      testId="units-table"
    >
      {units.map((u) => {
        const own = u.kind === 'province';
        const casesRate = u.districtVerdict?.criteria.find((c) => c.key === 'cases')?.rate ?? null;
        // no rate without the unit's population in force: the reason, not a dash that reads as "not reported"
        const rateCell = own ? (
          ''
        ) : u.population === null ? (
          <span className="text-xs text-slate-600" data-testid="unit-no-population">
            {td('standing.noPopulation')}
          </span>
        ) : (
          cell(casesRate, 1)
        );
        return (
          <tr key={u.id} className={own ? 'bg-sky-50/60' : undefined}>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {own ? (
                t('ownRow')
              ) : (
                <a
                  href={`/provinces/${provinceCode}/districts/${u.code}?week=${week}`}
                  className="text-sky-900 hover:underline"
                >
                  {u.name}
                </a>
              )}
            </th>
            {u.counts === null ? (
              <td colSpan={5} className="px-3 py-2 text-amber-800">
                <span aria-hidden="true">○ </span>
                {t('notReported')}
              </td>
            ) : u.figuresHidden ? (
              <>
                <td colSpan={4} className="px-3 py-2 text-slate-600" data-testid="figures-hidden">
                  {td('units.figuresHidden')}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{rateCell}</td>
              </>
            ) : (
              <>
                <td className="px-3 py-2 text-right tabular-nums">
                  {own ? t('notApplicable') : cell(u.counts.newCases)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{cell(u.counts.oxygenAvg7d, 2)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{cell(u.counts.freeCovidBeds)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{cell(u.counts.staffedIcuBeds)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{rateCell}</td>
              </>
            )}
            <td className="px-3 py-2">
              {u.districtVerdict && (
                <LevelBadgeView
                  level={u.districtVerdict.level}
                  provisional={u.districtVerdict.provisional}
                  label={levelLabel[u.districtVerdict.level]}
                  provisionalLabel={provisional}
                />
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
