import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { FiltersForm } from '@/components/dashboard/filters-form';
import { getNumberFormats } from '@/i18n/server';
import { pageData } from '@/components/dashboard/page-access';
import {
  CompletenessWidget,
  HeatmapWidget,
  TrendsWidget,
  VerdictWidget,
} from '@/components/dashboard/province-widgets';
import { WidgetSkeleton } from '@/components/dashboard/widget-skeleton';
import { getTranslations } from '@/i18n/server';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { openProvince, provinceHeader } from '@/server/dashboard/province';
import { ProposalWidget } from './response/proposal-section';
import { filtersQuery, parseDashboardFilters } from '@/server/dashboard/filters';
import { handleForWeek, queryOf, unitByHandle } from '@/server/units/handles';
import { validityText } from '@/lib/units';

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('province', { code: (await params).code }) };
}

/**
 * The province dashboard. The banner comes from the layout; here: the week's level and four indicators, the trends,
 * the district hotspots and the week's reporting, each widget in its own Suspense boundary (every unit's figures are
 * one click away, on the districts page). The filters (week, range)
 * are in the URL, parsed with zod on the server.
 */
export default async function ProvincePage({ params, searchParams }: Props) {
  const { code } = await params;
  const user = await requireUser(`/provinces/${code}`);
  const query = await searchParams;
  const filters = parseDashboardFilters(query, now());
  // a plain GSO code names the province holding it in the week shown (91 in 2024 is old Kiên Giang, 91~20250630)
  const unit = await unitByHandle(code);
  const holder = unit?.kind === 'province' ? await handleForWeek(unit, filters.week) : null;
  if (holder) redirect(`/provinces/${holder.code}${queryOf(query)}`);
  const t = await getTranslations('dashboard');
  const page = pageData(await openProvince(user, code), t('header.noAccess'));
  if ('denied' in page) return page.denied;
  const ctx = page.data;
  const { week, range } = filters;
  const header = provinceHeader(ctx, week);
  const f = await getNumberFormats();
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{header.name}</h1>
          <p className="text-sm text-slate-600">
            {/* outside its validity the province has no population to speak of: the verdict section says why */}
            {header.population
              ? `${t('header.population', { year: header.population.year, population: f.integer(header.population.population) })} ${header.population.approximate ? t('header.approximate') : ''}`
              : header.valid
                ? t('header.noPopulation')
                : t('standing.validity', { validity: validityText(header.validFrom, header.validTo, f.locale) })}
          </p>
          <p className="text-sm text-slate-600">{t('header.plan', { name: header.plan.name })}</p>
          <p className="text-xs text-slate-500">{t('header.source', { source: header.plan.sourceDocument })}</p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <FiltersForm action={`/provinces/${code}`} filters={filters} />
          <Link
            href={`/provinces/${code}/print${filtersQuery({ week })}`}
            prefetch={false}
            className="text-sm text-sky-800 underline print:hidden"
          >
            {t('header.print')}
          </Link>
        </div>
      </div>
      <Suspense fallback={null}>
        <ProposalWidget user={user} code={code} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton height={260} />}>
        <VerdictWidget ctx={ctx} week={week} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton height={520} />}>
        <TrendsWidget ctx={ctx} week={week} range={range} />
      </Suspense>
      <Suspense
        fallback={
          <WidgetSkeleton height={120 + 34 * Math.min(header.branches.length, filters.allUnits ? Infinity : 24)} />
        }
      >
        <HeatmapWidget ctx={ctx} week={week} range={range} allUnits={filters.allUnits} />
      </Suspense>
      <Suspense fallback={<WidgetSkeleton height={120} />}>
        <CompletenessWidget ctx={ctx} week={week} />
      </Suspense>
    </>
  );
}
