import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/i18n/server';
import { formatIsoWeek, lastCompleteWeek, parseIsoWeek } from '@/lib/epi-week';
import { can } from '@/lib/permissions';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { getReportingUnits } from '@/server/reports/queries';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/server/reports/import/file';
import { ImportForm } from './import-form';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ week?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('entry');
  return { title: t('import.title') };
}

export default async function ImportPage({ params, searchParams }: Props) {
  const { code } = await params;
  // the template lists the units expected in the chosen week (the entry grid's), by default the last complete one
  const requested = (await searchParams).week;
  const chosen = (requested && parseIsoWeek(requested)) || lastCompleteWeek(now());
  const user = await requireUser(`/provinces/${code}/import`);
  const t = await getTranslations('entry');
  const found = await getReportingUnits(code, chosen);
  if (!found) notFound();
  if (!can(user, 'reports.import', { provinceCode: code })) {
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
        {t('import.noAccess')}
      </p>
    );
  }
  const week = formatIsoWeek(chosen);
  const template = (format: string) => `/api/v1/reports/template?province=${code}&week=${week}&format=${format}`;
  return (
    <div className="max-w-4xl space-y-5">
      <Link href={`/provinces/${code}/entry`} className="text-sm text-sky-800 underline">
        <span aria-hidden="true">← </span>
        {t('links.entry')}
      </Link>
      <h1 className="text-2xl font-bold">{t('import.heading', { province: found.province.name })}</h1>
      <section aria-labelledby="how" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <h2 id="how" className="mb-2 font-semibold text-slate-900">
          {t('import.howTitle')}
        </h2>
        <ol className="list-decimal space-y-1 pl-5">
          <li>
            {t('import.step1')}{' '}
            <a href={template('xlsx')} className="font-medium text-sky-800 underline">
              {t('import.templateXlsx')}
            </a>
            {' · '}
            <a href={template('csv')} className="font-medium text-sky-800 underline">
              {t('import.templateCsv')}
            </a>
          </li>
          <li>{t('import.step2')}</li>
          <li>{t('import.step3')}</li>
        </ol>
        <p className="mt-2">{t('import.columns')}</p>
        <p className="mt-1">{t('severity.importColumns')}</p>
        <p className="mt-1">{t('import.codes', { week })}</p>
        <p className="mt-1">{t('import.formats')}</p>
        <p className="mt-1">{t('import.limits', { mb: MAX_IMPORT_BYTES / 1024 / 1024, rows: MAX_IMPORT_ROWS })}</p>
        <p className="mt-1 font-medium">{t('import.allOrNothing')}</p>
      </section>
      <ImportForm provinceCode={code} maxBytes={MAX_IMPORT_BYTES} />
    </div>
  );
}
