import { redirect } from 'next/navigation';
import { getCachedTranslations as getTranslations } from '@/components/dashboard/i18n';
import { NATIONAL_ROLES } from '@/lib/roles';
import { requireUser } from '@/server/auth/current-user';

// The list of provinces is the national overview now (levels, trends, severity order); others go to their own province.
export default async function ProvincesPage() {
  const user = await requireUser('/provinces');
  if (NATIONAL_ROLES.includes(user.role)) redirect('/national');
  if (user.provinceCode) redirect(`/provinces/${user.provinceCode}`);
  // an account with neither a national role nor a province (misconfigured): say so rather than loop on redirects
  const t = await getTranslations('dashboard');
  return (
    <p className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900" role="alert">
      {t('header.noAccess')}
    </p>
  );
}
