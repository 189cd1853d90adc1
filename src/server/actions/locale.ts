'use server';
import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from '@/i18n/config';

/** The interface language is a preference, not data: a cookie, no audit row. */
export async function setLocale(formData: FormData): Promise<void> {
  const value = String(formData.get('locale') ?? '');
  if (!isLocale(value)) return;
  (await cookies()).set(LOCALE_COOKIE, value, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
}
