import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { getNumberFormats, getLocale, getTranslations } from '@/i18n/server';
import { calendarYear } from '@/lib/epi-week';
import { authorizePage } from '@/server/boundary/require-permission';
import { now } from '@/server/env';
import { getPopulationTable } from '@/server/populations/queries';
import { AdminNav, Refused } from '../_components/admin-nav';
import { formatDateTime } from '../_components/format';
import { PopulationRow } from './population-row';
import { getNestedTranslations } from '../_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('populations') };
}

type Props = { searchParams: Promise<{ province?: string; year?: string }> };

export default async function PopulationsPage({ searchParams }: Props) {
  const { user, allowed } = await authorizePage('populations.manage', { page: '/admin/populations' });
  if (!allowed) return <Refused />;
  const query = await searchParams;
  const table = await getPopulationTable(user, typeof query.province === 'string' ? query.province : undefined);
  if (!table) return <Refused />;
  const t = await getNestedTranslations('admin.populations');
  const f = await getNumberFormats();
  const locale = await getLocale();
  const thisYear = calendarYear(now());
  const choices = [...new Set([thisYear + 1, thisYear, ...table.years])].sort((a, b) => b - a);
  const requested = Number(query.year);
  const year = Number.isInteger(requested) && choices.includes(requested) ? requested : (table.years[0] ?? thisYear);
  const select = 'mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <AdminNav current="populations" />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      <form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
        aria-label={t('choose')}
      >
        <label className="text-sm font-medium text-slate-700">
          {t('province')}
          <select name="province" defaultValue={table.province.code} className={select}>
            {table.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('year')}
          <select name="year" defaultValue={year} className={select}>
            {choices.map((y) => (
              <option key={y} value={y}>
                {table.years.includes(y) ? y : t('newYear', { year: y })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
        >
          {t('show')}
        </button>
      </form>
      <h2 className="mb-2 font-semibold">{t('tableTitle', { province: table.province.name, year })}</h2>
      <DataTable
        columns={[t('unit'), t('population'), t('approximate'), t('source'), t('lastChange')]}
        actionsLabel={t('save')}
      >
        {table.units.map((u) => {
          const figure = u.figures[year] ?? null;
          const previous = table.years.filter((y) => y < year && u.figures[y]).at(0);
          return (
            <PopulationRow
              key={`${u.id}-${year}`}
              unit={{ id: u.id, code: u.code, name: u.name, province: u.kind === 'province' }}
              year={year}
              figure={figure}
              previousText={
                previous
                  ? t('previous', { year: previous, population: f.integer(u.figures[previous]!.population) })
                  : null
              }
              lastChange={
                figure
                  ? `${formatDateTime(figure.updatedAt, locale)}${figure.updatedBy ? ` · ${figure.updatedBy}` : ''}`
                  : t('noFigure')
              }
            />
          );
        })}
      </DataTable>
    </>
  );
}
