'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { usesSecureCookieUrl } from '../auth/cookie-policy';
import { issueSessionToken, readSessionToken, sessionCookieName, sessionCookieOptions } from '../auth/session-cookie';
import { serveAction } from '../boundary/action';
import { now } from '../env';
import { formObject } from '@/lib/validations/form-object';
import { changePassword } from '@/server/users/change-password';

export async function changeOwnPassword(_prev: unknown, formData: FormData) {
  const result = await serveAction(changePassword, formObject(formData));
  if (!result.ok) return result;
  // the bump ended every session, this one too: re-issue this one with the new version
  const secure = usesSecureCookieUrl();
  const jar = await cookies();
  const token = await readSessionToken(jar.get(sessionCookieName(secure))?.value);
  if (!token) redirect('/signin');
  const at = now().getTime();
  const next = await issueSessionToken(token, { sv: result.data.sessionVersion, seen: at }, at);
  jar.set(sessionCookieName(secure), next.value, sessionCookieOptions(secure, next.maxAge));
  return result;
}
