import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from '@/i18n/server';
import { authorizePage } from '@/server/boundary/require-permission';
import { getScopeOptions, getUserDetail } from '@/server/users/queries';
import { AdminNav, Refused } from '../../_components/admin-nav';
import { formatDateTime } from '../../_components/format';
import { ActiveForm, EditUserForm, ResetPasswordForm } from './user-forms';
import { getNestedTranslations } from '../../_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('user') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export default async function UserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { user, allowed } = await authorizePage('users.manage', { page: `/admin/users/${id}` });
  if (!allowed) return <Refused />;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const detail = await getUserDetail(user, Number(id));
  const options = detail ? await getScopeOptions(user, detail.provinceCode) : null;
  if (!detail || !options) notFound();
  const t = await getNestedTranslations('admin.users');
  const tRole = await getTranslations('roles');
  const locale = await getLocale();
  const created = (await searchParams).done === 'userCreated';
  const facts: Array<[string, string]> = [
    [t('role'), tRole(detail.role)],
    [
      t('scope'),
      [detail.provinceName ?? t('national'), detail.unitName ?? detail.agencyName].filter(Boolean).join(' · '),
    ],
    [t('status'), detail.active ? t('active') : t('inactive')],
    [t('createdAt'), formatDateTime(detail.createdAt, locale)],
    [t('lastSignIn'), detail.lastSignInAt ? formatDateTime(detail.lastSignInAt, locale) : t('never')],
    [t('passwordChangedAt'), formatDateTime(detail.passwordChangedAt, locale)],
    [t('activeTokens'), String(detail.activeTokens)],
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-sky-800 underline">
          ← {t('back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{detail.name}</h1>
      <p className="mb-4 text-sm text-slate-600">{detail.email}</p>
      <AdminNav current="users" />
      {created && (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
        >
          ✓ {t('created')}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="facts" className="mb-3 font-semibold">
            {t('facts')}
          </h2>
          <dl className="space-y-2 text-sm">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt className="text-slate-500">{k}</dt>
                <dd className="font-medium">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
        <div className="space-y-6 lg:col-span-2">
          <EditUserForm detail={detail} options={options} />
          <ActiveForm detail={detail} self={detail.id === user.id} />
          <ResetPasswordForm userId={detail.id} />
        </div>
      </div>
    </>
  );
}
