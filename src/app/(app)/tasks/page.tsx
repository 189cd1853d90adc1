import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { can } from '@/lib/permissions';
import { LIMITS } from '@/lib/validations/activation';
import { requireUser } from '@/server/auth/current-user';
import { now } from '@/server/env';
import { getMyTasks } from '@/server/activation/my-tasks';
import { getDateTexts, toDisplayTasks } from './display';
import { TaskCard } from './task-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('response'))('mine.title') };
}

/** "Nhiệm vụ của tôi": built for a phone in the field first (one column, large buttons), wider screens get the same. */
export default async function MyTasksPage() {
  const user = await requireUser('/tasks');
  const t = await getTranslations('response');
  const result = await getMyTasks(user, now());
  if (result.status === 'not-applicable') {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">{t('mine.title')}</h1>
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t('mine.notApplicable')}</p>
      </>
    );
  }
  const view = result.data;
  const tasks = toDisplayTasks(view.tasks, await getDateTexts());
  const todo = tasks.filter((task) => task.status === 'OPEN');
  const done = tasks.filter((task) => task.status === 'DONE');
  const scope =
    view.scope.kind === 'leader'
      ? t('mine.scopeLeader')
      : t(view.scope.kind === 'district' ? 'mine.scopeDistrict' : 'mine.scopeAgency', {
          name: view.scope.name,
          province: view.province.name,
        });
  // leaders see which body each task is for: their list mixes several
  const showAgency = view.scope.kind === 'leader';

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{t('mine.title')}</h1>
      <p className="mt-1 text-sm text-slate-700">{scope}</p>
      {!view.activation ? (
        <p className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          {t('mine.noActivation', { province: view.province.name })}
        </p>
      ) : (
        <>
          <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border-l-8 border-red-700 bg-red-50 p-3 text-sm text-red-950">
            <span className="font-semibold">
              <span aria-hidden="true">▲▲ </span>
              {t('mine.activeSince', { week: view.activation.week })}
            </span>
            {can(user, 'activation.read', { provinceCode: view.province.code }) && (
              <Link href={`/provinces/${view.province.code}/response`} className="text-sky-800 underline">
                {t('mine.seeProgress')}
              </Link>
            )}
          </p>
          {tasks.length === 0 ? (
            <p className="mt-4 rounded-lg border border-slate-200 bg-white p-4">{t('mine.noTasks')}</p>
          ) : (
            <>
              <section aria-labelledby="todo" className="mt-6">
                <h2 id="todo" className="mb-2 text-lg font-semibold">
                  {t('mine.todo', { count: todo.length })}
                </h2>
                {todo.length === 0 ? (
                  <p className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
                    <span aria-hidden="true">✓ </span>
                    {t('mine.allDone')}
                  </p>
                ) : (
                  <ul className="space-y-3">
                    {todo.map((task) => (
                      <TaskCard key={task.id} task={task} showAgency={showAgency} noteMax={LIMITS.noteMax} />
                    ))}
                  </ul>
                )}
              </section>
              {done.length > 0 && (
                <section aria-labelledby="done" className="mt-8">
                  <h2 id="done" className="mb-2 text-lg font-semibold">
                    {t('mine.done', { count: done.length })}
                  </h2>
                  <ul className="space-y-3">
                    {done.map((task) => (
                      <TaskCard key={task.id} task={task} showAgency={showAgency} noteMax={LIMITS.noteMax} />
                    ))}
                  </ul>
                </section>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
