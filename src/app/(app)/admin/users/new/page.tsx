import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { authorizePage } from '@/server/boundary/require-permission';
import { getScopeOptions } from '@/server/users/queries';
import { AdminNav, Refused } from '../../_components/admin-nav';
import { CreateUserForm } from './create-user-form';
import { getNestedTranslations } from '../../_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('newUser') };
}

export default async function NewUserPage() {
  const { user, allowed } = await authorizePage('users.manage', { page: '/admin/users/new' });
  if (!allowed) return <Refused />;
  const options = await getScopeOptions(user);
  if (!options) return <Refused />;
  const t = await getNestedTranslations('admin.users');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-sky-800 underline">
          ← {t('back')}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{t('createTitle')}</h1>
      <AdminNav current="users" />
      <CreateUserForm options={options} />
    </>
  );
}
