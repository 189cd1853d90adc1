import Link from 'next/link';
import { LanguageSwitch } from '@/components/language-switch';
import { MainNav } from '@/components/main-nav';
import { SignOutButton } from '@/components/sign-out-button';
import { getTranslations } from '@/i18n/server';
import { requireUser } from '@/server/auth/current-user';
import { env } from '@/server/env';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations('nav');
  const tApp = await getTranslations('app');
  const tRole = await getTranslations('roles');
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {tApp('skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/" className="text-lg font-bold text-sky-900">
              {tApp('name')}
            </Link>
            <MainNav user={user} />
          </div>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            {env().demo && (
              <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                {tApp('demoMode')}
              </span>
            )}
            <span className="text-slate-700">
              {t('signedInAs', { name: user.name })} · <span className="text-slate-500">{tRole(user.role)}</span>
            </span>
            <Link href="/account/password" className="text-slate-700 underline hover:text-sky-800">
              {t('password')}
            </Link>
            <LanguageSwitch />
            <SignOutButton label={t('signOut')} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
