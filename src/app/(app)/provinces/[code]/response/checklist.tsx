import { getTranslations } from '@/i18n/server';
import { LIMITS } from '@/lib/validations/activation';
import type { DisplayTask } from '../../../tasks/display';
import { TaskCard } from '../../../tasks/task-card';

/**
 * The whole checklist, one collapsible group per body in the appendix's order (the district committees' copies under
 * their district). Leaders set due dates here and may tick any task; others see where things stand.
 */
export async function Checklist({ tasks, canManage }: { tasks: DisplayTask[]; canManage: boolean }) {
  const t = await getTranslations('response');
  const groups = new Map<string, { title: string; tasks: DisplayTask[] }>();
  for (const task of tasks) {
    const key = `${task.agencyId}/${task.districtId ?? ''}`;
    const title = task.districtName ? `${task.agencyName} — ${task.districtName}` : task.agencyName;
    const group = groups.get(key) ?? { title, tasks: [] };
    group.tasks.push(task);
    groups.set(key, group);
  }
  return (
    <section aria-labelledby="checklist" className="mb-6">
      <h2 id="checklist" className="mb-2 text-lg font-semibold">
        {t('checklist.title')}
      </h2>
      {tasks.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">{t('checklist.empty')}</p>
      ) : (
        <div className="space-y-2">
          {[...groups.entries()].map(([key, g]) => {
            const done = g.tasks.filter((x) => x.status === 'DONE').length;
            return (
              <details key={key} className="rounded-lg border border-slate-200 bg-white" data-testid="checklist-group">
                <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2 px-4 py-2">
                  <span className="font-medium">{g.title}</span>
                  <span className="text-sm tabular-nums text-slate-600">
                    {t('checklist.count', { done, total: g.tasks.length })}
                    {g.tasks.some((x) => x.overdue) && (
                      <span className="ml-2 font-semibold text-red-800">⚠ {t('progress.overdue')}</span>
                    )}
                  </span>
                </summary>
                <ul className="space-y-3 border-t border-slate-100 p-3">
                  {g.tasks.map((task) => (
                    <TaskCard
                      key={task.id}
                      task={task}
                      canSetDue={canManage && task.canTick}
                      compact
                      noteMax={LIMITS.noteMax}
                    />
                  ))}
                </ul>
              </details>
            );
          })}
        </div>
      )}
    </section>
  );
}
