'use server';
import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from '@/i18n/config';

/** The interface language is a preference, not data: a cookie, no audit row. */
export async function setLocale(formData: FormData): Promise<void> {
  // the argument is whatever the caller serialised: only a form's "locale" text counts
  const value = formData instanceof FormData ? formData.get('locale') : null;
  if (typeof value !== 'string' || !isLocale(value)) return;
  (await cookies()).set(LOCALE_COOKIE, value, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
}
