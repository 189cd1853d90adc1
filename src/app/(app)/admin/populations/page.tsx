import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import { getNumberFormats, getLocale, getTranslations } from '@/i18n/server';
import { MAX_POPULATION_FILE_BYTES } from '@/lib/validations/population-import';
import { authorizePage } from '@/server/boundary/require-permission';
import { now } from '@/server/env';
import { getPopulationTable, type PopulationUnit, type ProvinceChoice } from '@/server/populations/queries';
import { populationTemplateCsv } from '@/server/populations/template';
import { AdminNav, Refused } from '../_components/admin-nav';
import { formatDate, formatDateTime } from '../_components/format';
import { PopulationRow } from './population-row';
import { PopulationImportForm } from './import-form';
import { getNestedTranslations } from '../_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('populations') };
}

type Props = { searchParams: Promise<{ province?: string; year?: string }> };

/** The figure rates use for the year: the latest year's not after it (selectPopulation's rule). */
function figureInForce(u: PopulationUnit, year: number) {
  const used = Object.keys(u.figures)
    .map(Number)
    .filter((y) => y <= year)
    .sort((a, b) => b - a)[0];
  return used === undefined ? null : { year: used, population: u.figures[used]!.population };
}

export default async function PopulationsPage({ searchParams }: Props) {
  const { user, allowed } = await authorizePage('populations.manage', { page: '/admin/populations' });
  if (!allowed) return <Refused />;
  const query = await searchParams;
  const table = await getPopulationTable(
    user,
    {
      province: typeof query.province === 'string' ? query.province : undefined,
      year: typeof query.year === 'string' ? query.year : undefined,
    },
    now(),
  );
  if (!table) return <Refused />;
  const t = await getNestedTranslations('admin.populations');
  const f = await getNumberFormats();
  const locale = await getLocale();
  const { year } = table;
  const select = 'mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  const label = (p: ProvinceChoice) =>
    p.status === 'ended' && p.validTo
      ? t('provinceEnded', { name: p.name, date: formatDate(p.validTo, locale) })
      : p.status === 'future' && p.validFrom
        ? t('provinceFuture', { name: p.name, date: formatDate(p.validFrom, locale) })
        : p.name;
  const groups = (['inForce', 'future', 'ended'] as const)
    .map((status) => ({
      status,
      label: t(`${status}Group`),
      provinces: table.provinces.filter((p) => p.status === status),
    }))
    .filter((g) => g.provinces.length > 0);
  const inForce = new Map(table.units.map((u) => [u.id, figureInForce(u, year)]));
  const missing = table.units.filter((u) => !inForce.get(u.id)).length;
  const validity = (u: PopulationUnit) =>
    u.validTo && u.validTo < `${year}-12-31`
      ? t('validUntil', { date: formatDate(u.validTo, locale) })
      : u.validFrom && u.validFrom > `${year}-01-01`
        ? t('validFrom', { date: formatDate(u.validFrom, locale) })
        : null;
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
            {groups.map((g) => (
              <optgroup key={g.status} label={g.label}>
                {g.provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {label(p)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('year')}
          <select name="year" defaultValue={year} className={select}>
            {table.yearChoices.map((y) => (
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
      <PopulationImportForm
        province={{ code: table.province.code, name: label(table.province) }}
        year={year}
        maxBytes={MAX_POPULATION_FILE_BYTES}
        templateCsv={populationTemplateCsv(
          table.units.map((u) => ({
            gsoCode: u.gsoCode,
            name: u.name,
            population: u.figures[year]?.population ?? null,
            approximate: u.figures[year]?.approximate ?? false,
            source: u.figures[year]?.source ?? '',
          })),
          year,
        )}
      />
      <h2 className="mb-1 mt-6 font-semibold">{t('tableTitle', { province: label(table.province), year })}</h2>
      {table.units.length === 0 ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          {t('noUnits', { year })}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="population-coverage">
            {t('unitsNote', { year })}{' '}
            {missing > 0
              ? t('missingCount', { count: missing, total: table.units.length, year })
              : t('allCounted', { total: table.units.length, year })}
          </p>
          <DataTable
            columns={[t('unit'), t('population'), t('approximate'), t('source'), t('lastChange')]}
            actionsLabel={t('save')}
            testId="population-table"
          >
            {table.units.map((u) => {
              const figure = u.figures[year] ?? null;
              const used = inForce.get(u.id) ?? null;
              return (
                <PopulationRow
                  key={`${u.id}-${year}`}
                  unit={{
                    id: u.id,
                    code: u.gsoCode,
                    name: u.name,
                    province: u.kind === 'province',
                    validity: validity(u),
                  }}
                  year={year}
                  figure={figure}
                  inUseText={
                    !figure && used ? t('inUse', { year: used.year, population: f.integer(used.population) }) : null
                  }
                  noPopulation={used === null}
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
      )}
    </>
  );
}
