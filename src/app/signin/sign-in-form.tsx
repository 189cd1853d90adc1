'use client';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useTranslations } from 'use-intl/react';
import { safeRedirectPath } from '@/lib/safe-redirect';

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations('signIn');
  const [pending, setPending] = useState(false);
  // null, or the message to show: a wrong password and an unknown address read the same; a throttle names the wait
  const [failed, setFailed] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailed(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (!result || result.error) {
      const wait = /^retry-after:(\d{1,6})$/.exec(result?.error ?? '');
      setFailed(wait ? t('throttled', { seconds: Number(wait[1]) }) : t('failed'));
      setPending(false);
      return;
    }
    // a full navigation, so every server component sees the new session cookie; checked again here, in the browser,
    // whatever the server handed over
    window.location.assign(safeRedirectPath(callbackUrl, window.location.origin) ?? '/');
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-sky-600 focus:ring-2 focus:ring-sky-200 focus:outline-none"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-sky-600 focus:ring-2 focus:ring-sky-200 focus:outline-none"
        />
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-red-700" role={failed ? 'alert' : undefined}>
        {failed ?? ''}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900 disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
