import { getTranslations } from '@/i18n/server';
import type { ActivationDetail } from '@/server/activation/queries';
import type { DateTexts } from '../../../tasks/display';

/** The two lists a leader scans first: what is late, and what the officers last wrote. */
export async function NotesAndOverdue({ detail, f }: { detail: ActivationDetail; f: DateTexts }) {
  const t = await getTranslations('response');
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="overdue" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="overdue" className="font-semibold">
          <span aria-hidden="true">⚠ </span>
          {t('overdue.title')}
        </h2>
        {detail.overdueTasks.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('overdue.none')}</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {detail.overdueTasks.map((task) => (
              <li key={task.id} className="border-l-4 border-red-400 pl-2">
                <p className="font-medium">
                  {task.agencyName}
                  {task.districtName && ` · ${task.districtName}`} —{' '}
                  {task.dueDate && t('task.due', { date: f.date(task.dueDate) })}
                </p>
                <p className="line-clamp-2 text-slate-700">{task.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        aria-labelledby="notes"
        className="rounded-lg border border-slate-200 bg-white p-4"
        data-testid="latest-notes"
      >
        <h2 id="notes" className="font-semibold">
          {t('notes.title')}
        </h2>
        {detail.notes.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('notes.none')}</p>
        ) : (
          <ul className="mt-2 space-y-3 text-sm">
            {detail.notes.map((n, i) => (
              <li key={i}>
                <q className="block font-medium italic text-slate-900">{n.note}</q>
                <p className="text-xs text-slate-600">
                  {t('notes.by', { name: n.actorName ?? n.actorLabel, at: f.dateTime(n.at) })} ·{' '}
                  {n.districtName ?? n.agencyName}
                </p>
                <p className="line-clamp-1 text-xs text-slate-500">{n.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
