import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { authorizePage } from '@/server/boundary/require-permission';
import { AdminNav, Refused } from './_components/admin-nav';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('admin') };
}

export default async function AdminHome() {
  const { allowed } = await authorizePage('users.manage', { page: '/admin' });
  if (!allowed) return <Refused />;
  const t = await getTranslations('admin');
  const cards = [
    { href: '/admin/users', title: t('nav.users'), text: t('home.users') },
    { href: '/admin/plans', title: t('nav.plans'), text: t('home.plans') },
    { href: '/admin/populations', title: t('nav.populations'), text: t('home.populations') },
    { href: '/admin/units', title: t('nav.units'), text: t('home.units') },
    { href: '/admin/audit', title: t('nav.audit'), text: t('home.audit') },
  ];
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t('home.title')}</h1>
      <AdminNav current="home" />
      <ul className="grid gap-4 sm:grid-cols-2">
        {cards.map((c) => (
          <li key={c.href}>
            <Link
              href={c.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-sky-600"
            >
              <span className="font-semibold text-sky-900">{c.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{c.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
