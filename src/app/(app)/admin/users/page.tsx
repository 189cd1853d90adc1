import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { getLocale, getTranslations } from '@/i18n/server';
import { ROLES } from '@/lib/roles';
import { userFilterSchema } from '@/lib/validations/users';
import { authorizePage } from '@/server/boundary/require-permission';
import { getScopeOptions, getUsers } from '@/server/users/queries';
import { AdminNav, Refused } from '../_components/admin-nav';
import { formatDateTime } from '../_components/format';
import { getNestedTranslations } from '../_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('users') };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, allowed } = await authorizePage('users.manage', { page: '/admin/users' });
  if (!allowed) return <Refused />;
  const filter = userFilterSchema.parse(await searchParams);
  const [users, options] = await Promise.all([
    getUsers(user, { q: filter.q, role: filter.role, provinceCode: filter.province, status: filter.status }),
    getScopeOptions(user),
  ]);
  if (!users || !options) return <Refused />;
  const t = await getNestedTranslations('admin.users');
  const tRole = await getTranslations('roles');
  const locale = await getLocale();
  const select = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Link
          href="/admin/users/new"
          className="rounded-md bg-sky-800 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-900"
        >
          {t('create')}
        </Link>
      </div>
      <AdminNav current="users" />
      <form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-5"
        aria-label={t('filters')}
      >
        <label className="text-sm font-medium text-slate-700 sm:col-span-2">
          {t('search')}
          <input name="q" defaultValue={filter.q ?? ''} className={select} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('role')}
          <select name="role" defaultValue={filter.role ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRole(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('province')}
          <select name="province" defaultValue={filter.province ?? ''} className={select}>
            <option value="">{t('all')}</option>
            {options.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('status')}
          <select name="status" defaultValue={filter.status ?? ''} className={select}>
            <option value="">{t('all')}</option>
            <option value="active">{t('active')}</option>
            <option value="inactive">{t('inactive')}</option>
          </select>
        </label>
        <div className="sm:col-span-5">
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            {t('apply')}
          </button>
        </div>
      </form>
      <p className="mb-2 text-sm text-slate-600">{t('count', { count: users.length })}</p>
      <DataTable
        columns={[t('person'), t('role'), t('scope'), t('status'), t('lastSignIn')]}
        actionsLabel={t('actions')}
      >
        {users.map((u) => (
          <tr key={u.id} className={u.active ? '' : 'bg-slate-50 text-slate-500'}>
            <td className="px-3 py-2">
              <span className="font-medium text-slate-900">{u.name}</span>
              <span className="block text-xs text-slate-600">{u.email}</span>
            </td>
            <td className="px-3 py-2">{tRole(u.role)}</td>
            <td className="px-3 py-2">
              {u.provinceName ?? t('national')}
              {(u.unitName ?? u.agencyName) && (
                <span className="block text-xs text-slate-600">{u.unitName ?? u.agencyName}</span>
              )}
            </td>
            <td className="px-3 py-2">
              {u.active ? (
                <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200">
                  <span aria-hidden="true">●</span> {t('active')}
                </span>
              ) : (
                <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700 ring-1 ring-slate-300">
                  <span aria-hidden="true">○</span> {t('inactive')}
                </span>
              )}
              {u.isDemo && <span className="ml-1 text-xs text-amber-800">{t('demo')}</span>}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              {u.lastSignInAt ? formatDateTime(u.lastSignInAt, locale) : t('never')}
            </td>
            <td className="px-3 py-2 text-right">
              <Link href={`/admin/users/${u.id}`} className="font-medium text-sky-800 underline">
                {t('edit')}
                <span className="sr-only"> {u.email}</span>
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
