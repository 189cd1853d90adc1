import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { getNestedTranslations } from './translations';

const SECTIONS = ['users', 'plans', 'populations', 'units', 'audit'] as const;

/** The administration sections; `current` is marked for assistive technology too. */
export async function AdminNav({ current }: { current: (typeof SECTIONS)[number] | 'home' }) {
  const t = await getNestedTranslations('admin.nav');
  return (
    <nav aria-label={t('label')} className="mb-6 flex flex-wrap gap-2 border-b border-slate-200 pb-3">
      <Link
        href="/admin"
        aria-current={current === 'home' ? 'page' : undefined}
        className={`rounded-md px-3 py-1.5 text-sm font-medium ${current === 'home' ? 'bg-sky-800 text-white' : 'text-slate-700 hover:bg-slate-200'}`}
      >
        {t('home')}
      </Link>
      {SECTIONS.map((s) => (
        <Link
          key={s}
          href={`/admin/${s}`}
          aria-current={current === s ? 'page' : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${current === s ? 'bg-sky-800 text-white' : 'text-slate-700 hover:bg-slate-200'}`}
        >
          {t(s)}
        </Link>
      ))}
    </nav>
  );
}

export async function Refused() {
  const t = await getTranslations('admin');
  return (
    <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
      {t('refused')}
    </p>
  );
}
