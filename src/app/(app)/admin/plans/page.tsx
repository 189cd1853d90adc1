import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { getTranslations } from '@/i18n/server';
import { authorizePage } from '@/server/boundary/require-permission';
import { getPlanOverview } from '@/server/plans/queries';
import { AdminNav, Refused } from '../_components/admin-nav';
import { getNestedTranslations } from '../_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('plans') };
}

export default async function PlansPage() {
  const { user, allowed } = await authorizePage('plans.manage', { page: '/admin/plans' });
  if (!allowed) return <Refused />;
  const rows = await getPlanOverview(user);
  if (!rows) return <Refused />;
  const t = await getNestedTranslations('admin.plans');
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <AdminNav current="plans" />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      <DataTable
        columns={[t('province'), t('plan'), t('latestVersion'), t('inForceLastWeek')]}
        actionsLabel={t('actions')}
      >
        {rows.map((r) => (
          <tr key={r.target}>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {r.target === 'default' ? t('defaultPlan') : r.label}
            </th>
            <td className="px-3 py-2">
              {r.planName}
              {!r.ownPlan && <span className="block text-xs text-slate-600">{t('usesDefault')}</span>}
            </td>
            <td className="px-3 py-2">
              {r.latestVersion === null ? '—' : t('version', { version: r.latestVersion })}
              {r.scheduled > 0 && (
                <span className="block text-xs text-amber-800">{t('scheduled', { count: r.scheduled })}</span>
              )}
            </td>
            <td className="px-3 py-2">
              {t(r.inForceLastWeek.own ? 'ownVersion' : 'defaultVersion', { version: r.inForceLastWeek.version })}
            </td>
            <td className="whitespace-nowrap px-3 py-2 text-right">
              <Link href={`/admin/plans/${r.target}`} className="font-medium text-sky-800 underline">
                {r.ownPlan || r.target === 'default' ? t('edit') : t('createOwn')}
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
