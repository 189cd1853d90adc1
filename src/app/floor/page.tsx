import { connection } from 'next/server';
import { getTranslations } from '@/i18n/server';

// The benchmark's floor (scripts/bench-dashboard.ts): a dynamic page of this app, rendered on every request through
// the same root layout, that reads nothing from the database. What the dashboards cost is measured against it.
export default async function FloorPage() {
  await connection();
  const t = await getTranslations('dashboard');
  return <p>{t('floor.line')}</p>;
}
