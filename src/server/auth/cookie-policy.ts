import { env } from '../env';

/** Secure cookies (and their __Secure-/__Host- names) whenever the app's public address is HTTPS. */
export function usesSecureCookieUrl(authUrl: string | undefined = env().authUrl ?? process.env.NEXTAUTH_URL): boolean {
  return authUrl?.startsWith('https://') ?? false;
}
