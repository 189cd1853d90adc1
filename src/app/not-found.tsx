import Link from 'next/link';
import { getTranslations } from '@/i18n/server';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">{t('notFoundTitle')}</h1>
      <Link href="/" className="mt-6 inline-block text-sky-800 underline">
        SurgeWatch
      </Link>
    </main>
  );
}
