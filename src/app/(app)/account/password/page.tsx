import type { Metadata } from 'next';
import { getTranslations } from '@/i18n/server';
import { requireUser } from '@/server/auth/current-user';
import { ChangePasswordForm } from './change-password-form';
import { getNestedTranslations } from '../../admin/_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('password') };
}

export default async function ChangePasswordPage() {
  const user = await requireUser('/account/password');
  const t = await getNestedTranslations('admin.account');
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-4 text-sm text-slate-600">{t('intro', { email: user.email })}</p>
      <ChangePasswordForm />
    </>
  );
}
