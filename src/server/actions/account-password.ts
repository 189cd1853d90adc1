'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '../auth/current-user';
import { usesSecureCookieUrl } from '../auth/cookie-policy';
import { issueSessionToken, readSessionToken, sessionCookieName, sessionCookieOptions } from '../auth/session-cookie';
import { clientAddress } from '../http/forwarded';
import { now } from '../env';
import { formObject } from '@/lib/validations/form-object';
import { changeOwnPasswordAs } from '@/server/users/change-password';

export async function changeOwnPassword(_prev: unknown, formData: FormData) {
  const h = await headers();
  const result = await changeOwnPasswordAs(await getCurrentUser(), formObject(formData), clientAddress(h));
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
