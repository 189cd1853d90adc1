import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LanguageSwitch } from '@/components/language-switch';
import { homePath } from '@/lib/roles';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { getTranslations } from '@/i18n/server';
import { getCurrentUser } from '@/server/auth/current-user';
import { env } from '@/server/env';
import { DEMO_PASSWORD } from '@/server/seed/demo-accounts';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('signIn') };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  // only a path of this site (src/lib/safe-redirect.ts); a control character never gets here (the proxy answers 400)
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  if (user) redirect(callbackUrl ?? homePath(user));
  const t = await getTranslations('signIn');
  const tApp = await getTranslations('app');
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-start justify-between">
        <div>
          <p className="text-2xl font-bold text-sky-900">{tApp('name')}</p>
          <p className="text-sm text-slate-600">{tApp('tagline')}</p>
        </div>
        <LanguageSwitch />
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">{t('title')}</h1>
        <SignInForm callbackUrl={callbackUrl} />
        {env().demo && <p className="mt-4 text-sm text-slate-600">{t('demoHint', { password: DEMO_PASSWORD })}</p>}
      </div>
    </main>
  );
}
