import { getNumberFormats, getTranslations } from '@/i18n/server';
import type { ActivationDetail, ProgressRow } from '@/server/activation/queries';
import { ProgressBar } from './progress-bar';

/** Progress per body and per district: done / total, and how many are overdue. */
export async function ProgressTables({ detail }: { detail: ActivationDetail }) {
  const t = await getTranslations('response');
  const f = await getNumberFormats();
  const { done, total } = detail.summary;
  return (
    <section aria-labelledby="progress" className="mb-6">
      <h2 id="progress" className="text-lg font-semibold">
        {t('progress.title')}
      </h2>
      <p className="mt-1 flex flex-wrap items-center gap-3 text-sm" data-testid="overall-progress">
        <span className="font-semibold">
          {t('progress.overall', { done, total, percent: f.percent(total ? done / total : 0) })}
        </span>
        <span className={detail.overdue ? 'font-semibold text-red-800' : 'text-slate-600'}>
          {detail.overdue > 0 && <span aria-hidden="true">⚠ </span>}
          {t('progress.overdueCount', { count: detail.overdue })}
        </span>
      </p>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        <ProgressTable
          title={t('progress.byAgency')}
          head={t('progress.agency')}
          rows={detail.byAgency}
          testId="progress-agency"
        />
        {detail.byDistrict.length > 0 && (
          <ProgressTable
            title={t('progress.byDistrict')}
            head={t('progress.district')}
            rows={detail.byDistrict}
            testId="progress-district"
          />
        )}
      </div>
    </section>
  );
}

async function ProgressTable({
  title,
  head,
  rows,
  testId,
}: {
  title: string;
  head: string;
  rows: ProgressRow[];
  testId: string;
}) {
  const t = await getTranslations('response');
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <caption className="px-3 py-2 text-left font-semibold">{title}</caption>
        <thead className="bg-slate-100 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {head}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('progress.done')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('progress.overdue')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                {r.name}
                {r.leadersTick && (
                  <span className="block text-xs font-normal text-slate-500">{t('progress.leadersTick')}</span>
                )}
              </th>
              <td className="px-3 py-1.5">
                <ProgressBar
                  done={r.done}
                  total={r.total}
                  label={`${r.name}: ${t('progress.bar', { done: r.done, total: r.total })}`}
                />
              </td>
              <td
                className={`px-3 py-1.5 text-right tabular-nums ${r.overdue ? 'font-semibold text-red-800' : 'text-slate-500'}`}
              >
                {r.overdue > 0 && <span aria-hidden="true">⚠ </span>}
                {r.overdue}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
