import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { COMPARATOR_SYMBOL } from '@/components/surge/format';
import { getLocale, getTranslations } from '@/i18n/server';
import { authorizePage } from '@/server/boundary/require-permission';
import { comparatorFromDb } from '@/server/plans/mapping';
import { getPlanEditor } from '@/server/plans/queries';
import { AdminNav, Refused } from '../../_components/admin-nav';
import { formatDate, formatDateTime } from '../../_components/format';
import { PlanForm } from './plan-form';
import { getNestedTranslations } from '../../_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('planEditor') };
}

export default async function PlanEditorPage({ params }: { params: Promise<{ target: string }> }) {
  const { target } = await params;
  const page = `/admin/plans/${target}`;
  const { user, allowed } = await authorizePage('plans.manage', {
    page,
    scope: target === 'default' ? {} : { provinceCode: target },
  });
  if (!allowed) return <Refused />;
  if (!/^(default|\d{1,3})$/.test(target)) notFound();
  const view = await getPlanEditor(user, target);
  if (!view) notFound();
  const t = await getNestedTranslations('admin.plans');
  const locale = await getLocale();
  const title = target === 'default' ? t('defaultPlan') : view.provinceName!;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/plans" className="text-sky-800 underline">
          ← {t('back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('editorTitle', { name: title })}</h1>
      <p className="mb-4 text-sm text-slate-600">
        {view.plan ? `${view.plan.name} · ${view.plan.sourceDocument}` : t('noOwnPlan')}
      </p>
      <AdminNav current="plans" />
      <div className="grid gap-6 xl:grid-cols-5">
        <div className="xl:col-span-3">
          <PlanForm view={view} earliestLabel={formatDate(view.earliestValidFrom, locale)} />
        </div>
        <section aria-labelledby="versions" className="xl:col-span-2">
          <h2 id="versions" className="mb-2 font-semibold">
            {t('history')}
          </h2>
          {view.versions.length === 0 ? (
            <p className="text-sm text-slate-600">
              {view.plan ? t('noVersions') : t('onDefault', { version: view.start.version })}
            </p>
          ) : (
            <ol className="space-y-3">
              {view.versions.map((v) => (
                <li key={v.version} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                  <p className="font-semibold">
                    {t('version', { version: v.version })} ·{' '}
                    {t('validFromShort', { date: formatDate(v.validFrom, locale) })}
                  </p>
                  <table className="mt-2 w-full text-xs">
                    <tbody>
                      {(['cases', 'oxygen', 'beds', 'icu'] as const).map((k) => (
                        <tr key={k} className="border-t border-slate-100">
                          <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">
                            {t(`criteria.${k}`)}
                          </th>
                          <td className="whitespace-nowrap py-1 text-right font-semibold tabular-nums">
                            {COMPARATOR_SYMBOL[comparatorFromDb(v.criteria[k].comparator)]} {v.criteria[k].threshold}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="mt-1 text-xs text-slate-600">{t(`rules.${v.rule as 'ANY'}`)}</p>
                  {v.note && <p className="mt-1 text-xs italic text-slate-600">“{v.note}”</p>}
                  <p className="mt-1 text-xs text-slate-500">
                    {t('savedBy', { who: v.createdBy ?? t('seed'), at: formatDateTime(v.createdAt, locale) })}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
