import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import type { ActivationSummary } from '@/server/activation/task-rows';
import type { DateTexts } from '../../../tasks/display';

/** Every activation of the province, newest first; a stood-down or withdrawn one opens as a read-only record. */
export async function ActivationHistory({
  code,
  activations,
  selectedId,
  f,
}: {
  code: string;
  activations: ActivationSummary[];
  selectedId: number | null;
  f: DateTexts;
}) {
  const t = await getTranslations('response');
  if (activations.length === 0) return null;
  return (
    <section aria-labelledby="history" className="mb-6">
      <h2 id="history" className="mb-2 text-lg font-semibold">
        {t('history.title')}
      </h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {activations.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
            <span className="font-medium">{t('history.week', { week: a.week })}</span>
            <span>{t(`status.${a.status}`)}</span>
            <span className="text-slate-600">
              {t(`trigger.${a.trigger}`)} · {f.dateTime(a.openedAt)}
            </span>
            <span className="tabular-nums text-slate-600">
              {a.status === 'WITHDRAWN'
                ? t('history.withdrawn')
                : t('history.progress', { done: a.done, total: a.total })}
            </span>
            {a.id === selectedId ? (
              <span className="ml-auto text-xs text-slate-500">({t('history.current')})</span>
            ) : (
              <Link href={`/provinces/${code}/response?activation=${a.id}`} className="ml-auto text-sky-800 underline">
                {t('history.view')}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
