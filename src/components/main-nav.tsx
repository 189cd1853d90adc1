import Link from 'next/link';
import { getTranslations } from '@/i18n/server';
import { can } from '@/lib/permissions';
import { NATIONAL_ROLES, type SessionUser } from '@/lib/roles';

/** The menu shows only what the user may do (the server refuses the rest anyway). */
export async function MainNav({ user }: { user: SessionUser }) {
  const t = await getTranslations('nav');
  const p = user.provinceCode;
  const items: Array<{ href: string; label: string }> = [];
  if (NATIONAL_ROLES.includes(user.role)) items.push({ href: '/national', label: t('national') });
  if (p && can(user, 'reports.read', { provinceCode: p }))
    items.push({ href: `/provinces/${p}`, label: t('overview') });
  if (p && can(user, 'reports.write', { provinceCode: p }))
    items.push({ href: `/provinces/${p}/entry`, label: t('entry') });
  if (p && can(user, 'activation.read', { provinceCode: p }))
    items.push({ href: `/provinces/${p}/response`, label: t('response') });
  if (
    can(user, 'tasks.tick') &&
    (user.role === 'LOCAL_OFFICER' || user.role === 'AGENCY_OFFICER' || user.role === 'PROVINCIAL_LEADER')
  )
    items.push({ href: '/tasks', label: t('tasks') });
  if (can(user, 'users.manage')) items.push({ href: '/admin', label: t('admin') });
  if (can(user, 'tokens.manage')) items.push({ href: '/account/tokens', label: t('tokens') });
  return (
    <nav aria-label={t('main')} className="flex flex-wrap gap-x-4 gap-y-1">
      {items.map((i) => (
        <Link key={i.href} href={i.href} className="text-sm font-medium text-slate-700 hover:text-sky-800">
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
