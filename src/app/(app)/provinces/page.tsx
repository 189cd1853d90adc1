import Link from 'next/link';
import { getFormatters, getTranslations } from '@/i18n/server';
import { requireUser } from '@/server/auth/current-user';
import { getVisibleProvinces } from '@/server/queries/provinces';

export default async function ProvincesPage() {
  const user = await requireUser('/provinces');
  const provinces = await getVisibleProvinces(user);
  const t = await getTranslations('provinces');
  const f = await getFormatters();
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {provinces.map((p) => (
          <li key={p.code}>
            <Link href={`/provinces/${p.code}`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-sky-400 hover:shadow-sm">
              <p className="font-semibold text-sky-900">{p.name}</p>
              <p className="text-sm text-slate-600">
                {t('population')}: {p.population === null ? '—' : f.integer(p.population)}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
