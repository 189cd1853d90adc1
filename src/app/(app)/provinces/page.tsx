import { redirect } from 'next/navigation';
import { NATIONAL_ROLES } from '@/lib/roles';
import { requireUser } from '@/server/auth/current-user';
import { NoAccess } from '@/components/dashboard/page-access';
import { getTranslations } from '@/i18n/server';

// The list of provinces is the national overview now (levels, trends, severity order); others go to their own province.
export default async function ProvincesPage() {
  const user = await requireUser('/provinces');
  if (NATIONAL_ROLES.includes(user.role)) redirect('/national');
  if (user.provinceCode) redirect(`/provinces/${user.provinceCode}`);
  // an account with neither a national role nor a province (misconfigured): say so rather than loop on redirects
  const t = await getTranslations('dashboard');
  return <NoAccess message={t('header.noAccess')} />;
}
