import { connection } from 'next/server';
import { getTranslations } from '@/i18n/server';

// The benchmark's second floor (scripts/bench-dashboard.ts): one line inside the signed-in layout, so every request pays
// what any page of the app pays before its own content (the session check against the database, the header and the
// navigation). /floor is the bare floor without them.
export default async function SignedInFloorPage() {
  await connection();
  const t = await getTranslations('dashboard');
  return <p>{t('floor.line')}</p>;
}
