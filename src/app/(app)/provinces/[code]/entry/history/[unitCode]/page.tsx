import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/i18n/format';
import { getNumberFormats, getTranslations } from '@/i18n/server';
import { formatIsoWeek, lastCompleteWeek, parseIsoWeek } from '@/lib/epi-week';
import { can } from '@/lib/permissions';
import { validityText } from '@/lib/units';
import { FIGURE_FIELDS, type FigureField } from '@/lib/validations/figures';
import { recordRefusal } from '@/server/boundary/refuse';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { now } from '@/server/env';
import { getReportHistory, type HistoryEntryView } from '@/server/reports/queries';

type Props = { params: Promise<{ code: string; unitCode: string }>; searchParams: Promise<{ week?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('entry');
  return { title: t('history.title') };
}

/** The report's history: every change with who, when, through what, and the figures before and after. */
export default async function ReportHistoryPage({ params, searchParams }: Props) {
  const { code, unitCode } = await params;
  const user = await requireUser(`/provinces/${code}/entry`);
  const t = await getTranslations('entry');
  const f = await getNumberFormats();
  const week = parseIsoWeek((await searchParams).week ?? '') ?? lastCompleteWeek(now());
  const result = await getReportHistory(user, code, unitCode, week);
  if (result.status === 'not-found') notFound();
  if (result.status === 'forbidden') {
    // readable province, refused unit: a district officer asking for another unit's history
    const otherUnit = can(user, 'reports.read', { provinceCode: code });
    await recordRefusal(await db(), user, `page:/provinces/${code}/entry/history/${unitCode}`, { provinceCode: code });
    return (
      <p role="alert" data-testid="not-allowed" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
        {otherUnit ? t('history.otherUnit') : t('noAccess')}{' '}
        {otherUnit && (
          <Link href={`/provinces/${code}`} className="underline">
            {t('links.province')}
          </Link>
        )}
      </p>
    );
  }
  const view = result.data;
  const weekText = formatIsoWeek(week);
  const unitName = view.unit.kind === 'province' ? t('grid.ownRow') : view.unit.name;
  const show = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : f.decimal(v, Number.isInteger(v) ? 0 : 2);
  const changed = (e: HistoryEntryView): FigureField[] =>
    FIGURE_FIELDS.filter((k) => (e.before?.[k] ?? null) !== (e.after?.[k] ?? null));
  const via = (v: string | null) => (v === 'form' || v === 'api' || v === 'import' ? t(`history.via.${v}`) : '');

  return (
    <div className="space-y-4">
      <Link href={`/provinces/${code}/entry?week=${weekText}`} className="text-sm text-sky-800 underline">
        <span aria-hidden="true">← </span>
        {t('history.back', { week: weekText })}
      </Link>
      <h1 className="text-2xl font-bold">{t('history.heading', { unit: unitName, week: weekText })}</h1>
      <p className="text-sm text-slate-600">
        {view.province.name} · {view.unit.gsoCode}
        {view.report && ` · ${t('history.currentVersion', { version: view.report.version })}`}
      </p>
      {view.former && (
        <p
          role="note"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="former-unit"
        >
          <span className="mr-2 rounded bg-amber-100 px-1.5 text-xs font-semibold">{t('grid.formerUnit')}</span>
          {t('history.formerUnit', {
            unit: view.unit.name,
            validity: validityText(view.former.validFrom, view.former.validTo, f.locale === 'vi' ? 'vi' : 'en'),
          })}
        </p>
      )}
      {view.entries.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">
          {view.report ? t('history.noAudit') : t('history.noReport')}
        </p>
      ) : (
        <ol className="space-y-3">
          {view.entries.map((e) => (
            <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="history-entry">
              <p className="text-sm">
                <span className="font-semibold">{formatDateTime(f.locale, e.at)}</span> · {e.actor} ·{' '}
                {e.action === 'report.created' ? t('history.created') : t('history.updated')}
                {e.via && ` · ${via(e.via)}`}
                {e.versionAfter !== null && (
                  <span className="text-slate-500">
                    {' '}
                    · {t('history.version', { from: e.versionBefore ?? 0, to: e.versionAfter })}
                  </span>
                )}
              </p>
              <table className="mt-2 text-sm">
                <thead>
                  <tr className="text-left text-xs text-slate-500">
                    <th scope="col" className="pr-6 font-normal">
                      {t('history.field')}
                    </th>
                    <th scope="col" className="pr-6 text-right font-normal">
                      {t('history.before')}
                    </th>
                    <th scope="col" className="text-right font-normal">
                      {t('history.after')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changed(e).map((k) => (
                    <tr key={k}>
                      <th scope="row" className="pr-6 text-left font-normal">
                        {t(`fields.${k}`)}
                      </th>
                      <td className="pr-6 text-right tabular-nums text-slate-600">{show(e.before?.[k])}</td>
                      <td className="text-right font-semibold tabular-nums">{show(e.after?.[k])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
