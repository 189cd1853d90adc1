import type { Metadata } from 'next';
import Link from 'next/link';
import { pageData } from '@/components/dashboard/page-access';
import { PrintButton } from '@/components/dashboard/print-button';
import { WeeklyBrief } from '@/components/dashboard/weekly-brief';
import { getTranslations } from '@/i18n/server';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { openProvince } from '@/server/dashboard/province';
import { filtersQuery, parseDashboardFilters } from '@/server/dashboard/filters';

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('print', { code: (await params).code }) };
}

// One A4 page: the app's header, navigation and the layout's banner are left off the paper (the brief states the
// level itself, for the week it is about).
const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
@media print {
  html, body { background: #fff !important; }
  body > div > header, a[href="#main"], [data-testid="surge-banner"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
}`;

export default async function PrintPage({ params, searchParams }: Props) {
  const { code } = await params;
  const user = await requireUser(`/provinces/${code}/print`);
  const t = await getTranslations('dashboard');
  const page = pageData(await openProvince(user, code), t('header.noAccess'));
  if ('denied' in page) return page.denied;
  const ctx = page.data;
  const filters = parseDashboardFilters(await searchParams, now());
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex items-center justify-between gap-3 print:hidden">
        <Link
          href={`/provinces/${code}${filtersQuery({ week: filters.week })}`}
          className="text-sm text-sky-800 hover:underline"
        >
          {t('header.backToProvince', { name: ctx.meta.name })}
        </Link>
        <PrintButton label={t('print.print')} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:p-0 print:shadow-none">
        <WeeklyBrief ctx={ctx} week={filters.week} preparedAt={now()} />
      </div>
    </>
  );
}
