import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CriteriaCards } from '@/components/surge/criteria-cards';
import { LevelBadge } from '@/components/surge/level-badge';
import { SurgeBanner } from '@/components/surge/surge-banner';
import { getFormatters, getTranslations } from '@/i18n/server';
import { formatIsoWeek, lastCompleteWeek, parseIsoWeek } from '@/lib/epi-week';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { getProvinceWeek } from '@/server/queries/provinces';
import { UnitsTable } from './units-table';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ week?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Tỉnh ${(await params).code}` };
}

export default async function ProvincePage({ params, searchParams }: Props) {
  const { code } = await params;
  const user = await requireUser(`/provinces/${code}`);
  // the week lives in the URL (?week=2026-W47) so a link reproduces the view; default: the last complete week
  const requested = (await searchParams).week;
  const week = (requested && parseIsoWeek(requested)) || lastCompleteWeek(now());
  const result = await getProvinceWeek(user, code, week);
  const t = await getTranslations('province');
  if (result.status === 'not-found') notFound();
  if (result.status === 'forbidden') {
    return <p className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" role="alert">{t('noAccess')}</p>;
  }
  const view = result.data;
  const f = await getFormatters();
  const weekText = formatIsoWeek(view.week);
  return (
    <>
      {view.result && <SurgeBanner verdict={view.result.verdict} week={view.week} plan={view.plan} />}
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{view.name}</h1>
          <p className="text-sm text-slate-600">
            {view.population &&
              `${t('population', { year: view.population.year, population: f.integer(view.population.population) })} ${view.population.approximate ? t('approximate') : ''}`}
          </p>
          <p className="text-sm text-slate-600">{t('plan', { name: view.plan.name })}</p>
          <p className="text-xs text-slate-500">{t('source', { source: view.plan.sourceDocument })}</p>
        </div>
        <p className="rounded bg-white px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-200">{t('week', { week: weekText })}</p>
      </div>
      {view.result && (
        <section aria-labelledby="verdict" className="mb-8">
          <div className="mb-3 flex flex-wrap items-center gap-3">
            <h2 id="verdict" className="text-lg font-semibold">{t('verdictTitle', { week: weekText })}</h2>
            <LevelBadge level={view.result.verdict.level} provisional={view.result.verdict.provisional} />
            <span className="text-sm text-slate-600">
              {t('completeness', {
                reported: view.result.completeness.reported,
                expected: view.result.completeness.expected,
                percent: f.percent(view.result.completeness.ratio),
              })}
            </span>
          </div>
          <CriteriaCards criteria={view.result.verdict.criteria} />
        </section>
      )}
      <section aria-labelledby="units">
        <h2 id="units" className="mb-3 text-lg font-semibold">{t('districtsTitle', { week: weekText })}</h2>
        <UnitsTable units={view.units} />
      </section>
    </>
  );
}
