import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NoAccess } from '@/components/dashboard/page-access';
import { getTranslations } from '@/i18n/server';
import { NATIONAL_ROLES } from '@/lib/roles';
import { viDate } from '@/lib/units';
import { requireUser } from '@/server/auth/current-user';
import { getProvinceList } from '@/server/units/list';

function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The provinces valid today (34 since 1 July 2025) and, folded away, the former ones whose pages keep their history,
 * each with the province(s) it went into. National roles read every province; the others go to their own (as before).
 */
export default async function ProvincesPage() {
  const user = await requireUser('/provinces');
  if (!NATIONAL_ROLES.includes(user.role)) {
    if (user.provinceCode) redirect(`/provinces/${user.provinceCode}`);
    // an account with neither a national role nor a province (misconfigured): say so rather than loop on redirects
    const t = await getTranslations('dashboard');
    return <NoAccess message={t('header.noAccess')} />;
  }
  const t = await getTranslations('provinces');
  const { current, former } = await getProvinceList();
  // the section's "before" date: the day after the latest end (01/07/2025 for the 2025 reform)
  const lastEnd = former.reduce((max, p) => (p.validTo > max ? p.validTo : max), '');
  const formerSince = lastEnd ? viDate(dayAfter(lastEnd)) : '';
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <Link href="/national" className="text-sm text-sky-800 underline">
          {t('national')}
        </Link>
      </div>
      <p className="mb-3 text-sm text-slate-600">{t('count', { count: current.length })}</p>
      <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3" data-testid="province-list">
        {current.map((p) => (
          <li key={p.code}>
            <Link href={`/provinces/${p.code}`} className="text-sky-800 hover:underline">
              {p.name}
            </Link>{' '}
            <span className="text-xs text-slate-500 tabular-nums">{p.gsoCode}</span>
          </li>
        ))}
      </ul>
      {former.length > 0 && (
        <details className="mt-8 rounded-lg border border-slate-200 bg-white p-4" data-testid="former-provinces">
          <summary className="cursor-pointer font-semibold">
            {t('former', { count: former.length, date: formerSince })}
          </summary>
          <p className="mt-2 text-sm text-slate-600">{t('formerHelp')}</p>
          <ul className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {former.map((p) => (
              <li key={p.code}>
                <Link href={`/provinces/${p.code}`} className="text-sky-800 hover:underline">
                  {p.name}
                </Link>{' '}
                <span className="text-xs text-slate-500">
                  {t('endedOn', { date: viDate(p.validTo) })}
                  {p.successors.length > 0 && ' → '}
                  {p.successors.map((s, i) => (
                    <span key={s.code}>
                      {i > 0 && ', '}
                      {s.name}
                      {s.share === 'partial' && ` ${t('partial')}`}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
