'use client';
import { useTranslations } from 'use-intl/react';

// Never shows the error's message or stack: they may hold SQL or internals. The digest ties it to the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      {error.digest && <p className="mt-2 font-mono text-xs text-slate-500">{error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-sky-800 px-4 py-2 text-white">
        {t('retry')}
      </button>
    </main>
  );
}
