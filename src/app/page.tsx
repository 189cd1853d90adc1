import { redirect } from 'next/navigation';
import { homePath } from '@/lib/roles';
import { getCurrentUser } from '@/server/auth/current-user';

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? homePath(user) : '/signin');
}
