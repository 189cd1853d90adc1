import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { getLocale, getTranslations } from '@/i18n/server';
import { viDate, validityText } from '@/lib/units';
import { MAX_CATALOGUE_BYTES } from '@/lib/validations/admin-units';
import { authorizePage } from '@/server/boundary/require-permission';
import { getCatalogueChanges, getEndedScopes, getFacilities } from '@/server/units/admin';
import { getProvinceList } from '@/server/units/list';
import { AdminNav, Refused } from '../_components/admin-nav';
import { formatDateTime } from '../_components/format';
import { getNestedTranslations } from '../_components/translations';
import { AddFacilityForm, CatalogueImportForm, FacilityForms, MoveScopeButton } from './unit-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('units') };
}

type Props = { searchParams: Promise<{ province?: string | string[] }> };

/**
 * The unit tree's administration (issue 15): users scoped to ended units and where to move them, the facilities a
 * province lists (they report beds since 1 July 2025), and catalogue updates.
 */
export default async function UnitsPage({ searchParams }: Props) {
  const { user, allowed } = await authorizePage('units.manage', { page: '/admin/units' });
  if (!allowed) return <Refused />;
  const t = await getNestedTranslations('admin.units');
  const tRole = await getTranslations('roles');
  const locale = await getLocale();
  const raw = (await searchParams).province;
  const { current } = await getProvinceList();
  const province = current.find((p) => p.code === (Array.isArray(raw) ? raw[0] : raw)) ?? null;
  const [ended, facilities, changes] = await Promise.all([
    getEndedScopes(user),
    province ? getFacilities(user, province.code) : [],
    getCatalogueChanges(user),
  ]);
  if (!ended || !facilities || !changes) return <Refused />;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <AdminNav current="units" />

      <section aria-labelledby="ended-title" className="mb-10">
        <h2 id="ended-title" className="text-lg font-semibold">
          {t('endedTitle')}
        </h2>
        <p className="mb-3 max-w-4xl text-sm text-slate-600">{t('endedHelp')}</p>
        {ended.length === 0 ? (
          <p className="text-sm text-slate-600">{t('endedNone')}</p>
        ) : (
          <DataTable columns={[t('user'), t('role'), t('scope'), '']} testId="ended-scopes">
            {ended.map((r) => (
              <tr key={r.userId} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <span className="font-medium">{r.name}</span> {!r.active && t('inactive')}
                  <span className="block text-xs text-slate-600">{r.email}</span>
                </td>
                <td className="px-3 py-2">{tRole(r.role)}</td>
                <td className="px-3 py-2">
                  {r.scope.name}
                  <span className="block text-xs text-slate-600">
                    {t('endedOn', { date: viDate(r.scope.validTo) })}
                  </span>
                </td>
                <td className="px-3 py-2">
                  {r.successors.map((s) => (
                    <MoveScopeButton key={s.id} userId={r.userId} stamp={r.stamp} to={s} />
                  ))}
                  {r.blocked && (
                    <p className="text-xs text-slate-600">
                      {t(r.blocked)}{' '}
                      <Link href={`/admin/users/${r.userId}`} className="text-sky-800 underline">
                        {t('editUser')}
                      </Link>
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="facilities-title" className="mb-10">
        <h2 id="facilities-title" className="text-lg font-semibold">
          {t('facilitiesTitle')}
        </h2>
        <p className="mb-3 max-w-4xl text-sm text-slate-600">{t('facilitiesHelp')}</p>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium text-slate-700">
            {t('province')}
            <select
              name="province"
              defaultValue={province?.code ?? ''}
              className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
            >
              <option value="">{t('chooseProvince')}</option>
              {current.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold">
            {t('show')}
          </button>
        </form>
        {province && (
          <>
            {facilities.length === 0 ? (
              <p className="mb-3 text-sm text-slate-600">{t('facilitiesNone')}</p>
            ) : (
              <DataTable columns={[t('facility'), t('handle'), t('validity'), '']} testId="facilities">
                {facilities.map((f) => (
                  <tr key={f.id} className="border-t border-slate-100 align-top">
                    <td className="px-3 py-2 font-medium">{f.name}</td>
                    <td className="px-3 py-2 font-mono text-xs">{f.code}</td>
                    <td className="px-3 py-2">{validityText(f.validFrom, f.validTo, locale)}</td>
                    <td className="px-3 py-2">
                      <FacilityForms facility={f} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
            <AddFacilityForm province={{ code: province.code, name: province.name }} />
          </>
        )}
      </section>

      <section aria-labelledby="catalogue-title">
        <h2 id="catalogue-title" className="text-lg font-semibold">
          {t('catalogueTitle')}
        </h2>
        <p className="mb-3 max-w-4xl text-sm text-slate-600">{t('catalogueHelp')}</p>
        <CatalogueImportForm maxBytes={MAX_CATALOGUE_BYTES} />
        <h3 className="mt-6 mb-2 font-semibold">{t('changesTitle')}</h3>
        {changes.length === 0 ? (
          <p className="text-sm text-slate-600">{t('changesNone')}</p>
        ) : (
          <DataTable
            columns={[t('effectiveDate'), t('source'), t('counts'), t('by'), t('appliedAt')]}
            testId="catalogue-changes"
          >
            {changes.map((c, i) => (
              <tr key={i} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 tabular-nums">{c.effectiveDate ? viDate(c.effectiveDate) : t('base')}</td>
                <td className="px-3 py-2 text-xs">{c.source}</td>
                <td className="px-3 py-2 tabular-nums">
                  {c.units} / {c.successions}
                </td>
                <td className="px-3 py-2 text-xs">{c.actorLabel}</td>
                <td className="px-3 py-2 text-xs">{formatDateTime(c.appliedAt, locale)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
