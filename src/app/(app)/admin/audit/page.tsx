import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { getLocale, getTranslations } from '@/i18n/server';
import { authorizePage } from '@/server/boundary/require-permission';
import { auditFilterSchema, type AuditFilter } from '@/lib/validations/audit';
import { getAuditPage } from '@/server/audit/queries';
import { viDate } from '@/lib/units';
import { AdminNav, Refused } from '../_components/admin-nav';
import { formatDateTime } from '../_components/format';
import { getNestedTranslations } from '../_components/translations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pageTitles'))('audit') };
}

const FAMILIES = ['auth.', 'permission.', 'user.', 'account.', 'plan.', 'population.'];

function href(filter: AuditFilter, before?: number): string {
  const params = new URLSearchParams();
  for (const key of ['actor', 'action', 'province', 'from', 'to'] as const)
    if (filter[key]) params.set(key, filter[key]);
  if (before) params.set('before', String(before));
  const q = params.toString();
  return q ? `/admin/audit?${q}` : '/admin/audit';
}

/** An audit row's before/after: one line per field rather than raw JSON. */
function Values({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  if (typeof value !== 'object' || Array.isArray(value))
    return <code className="break-all text-xs">{JSON.stringify(value)}</code>;
  return (
    <dl className="grid max-w-sm grid-cols-[auto_1fr] gap-x-2 text-xs">
      {Object.entries(value).map(([k, v]) => (
        <Fragment key={k}>
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-all font-mono text-slate-800">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, allowed } = await authorizePage('audit.read', { page: '/admin/audit' });
  if (!allowed) return <Refused />;
  const filter = auditFilterSchema.parse(await searchParams);
  const page = await getAuditPage(user, filter);
  if (!page) return <Refused />;
  const t = await getNestedTranslations('admin.audit');
  const locale = await getLocale();
  const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  const actionChoices = [...FAMILIES, ...page.actions];
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <AdminNav current="audit" />
      <form
        method="get"
        className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-5"
        aria-label={t('filters')}
      >
        <label className="text-sm font-medium text-slate-700">
          {t('actor')}
          <input name="actor" defaultValue={filter.actor ?? ''} placeholder={t('actorPlaceholder')} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('action')}
          <select name="action" defaultValue={filter.action ?? ''} className={input}>
            <option value="">{t('all')}</option>
            {actionChoices.map((a) => (
              <option key={a} value={a}>
                {a.endsWith('.') ? t('family', { family: a.slice(0, -1) }) : a}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('province')}
          <select name="province" defaultValue={filter.province ?? ''} className={input}>
            <option value="">{t('all')}</option>
            {page.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.validTo ? t('endedProvince', { name: p.name, date: viDate(p.validTo) }) : p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('from')}
          <input type="date" name="from" defaultValue={filter.from ?? ''} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('to')}
          <input type="date" name="to" defaultValue={filter.to ?? ''} className={input} />
        </label>
        <div className="flex gap-3 sm:col-span-2 lg:col-span-5">
          <button
            type="submit"
            className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-sky-900"
          >
            {t('apply')}
          </button>
          <Link
            href="/admin/audit"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            {t('clear')}
          </Link>
        </div>
      </form>
      <p className="mb-2 text-xs text-slate-600">{t('timeZone')}</p>
      {page.rows.length === 0 ? (
        <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          {t('empty')}
        </p>
      ) : (
        <DataTable
          columns={[t('at'), t('actor'), t('action'), t('target'), t('province'), t('before'), t('after')]}
          testId="audit-table"
          bodyClassName="align-top"
        >
          {page.rows.map((r) => (
            <tr key={r.id}>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.at, locale)}</td>
              <td className="px-3 py-2 break-all">{r.actorLabel}</td>
              <td className="px-3 py-2">
                <code
                  className={`rounded px-1 text-xs ${r.action.startsWith('permission.') || r.action.includes('failed') || r.action.includes('locked') ? 'bg-red-50 text-red-900' : 'bg-slate-100'}`}
                >
                  {r.action}
                </code>
              </td>
              <td className="px-3 py-2 text-xs">
                {r.targetType} <span className="font-mono">{r.targetId}</span>
              </td>
              <td className="px-3 py-2">{r.provinceCode ?? '—'}</td>
              <td className="px-3 py-2">
                <Values value={r.before} />
              </td>
              <td className="px-3 py-2">
                <Values value={r.after} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label={t('pages')} className="mt-4 flex gap-3 text-sm">
        {filter.before && (
          <Link href={href(filter)} className="text-sky-800 underline">
            {t('newest')}
          </Link>
        )}
        {page.nextBefore && (
          <Link href={href(filter, page.nextBefore)} className="text-sky-800 underline">
            {t('older')}
          </Link>
        )}
      </nav>
    </>
  );
}
