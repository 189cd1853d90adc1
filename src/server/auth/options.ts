import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { RoleName } from '@/lib/roles';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { signInSchema } from '@/lib/validations/sign-in';
import { db } from '../db';
import { recordAudit } from '@/server/audit/record';
import { now } from '../env';
import { usesSecureCookieUrl } from './cookie-policy';
import { authSecret } from './secret';
import { ABSOLUTE_TIMEOUT_MS, type SessionClaims } from './session-policy';
import { clientAddress } from '../http/forwarded';
import { authenticate } from './sign-in';

// JWT sessions carry the user's id, a session version and the sign-in and last-seen times; getCurrentUser() re-reads
// the user on every request and refuses a token whose version is stale or that has been idle or alive too long, so
// sign-out, deactivation, password and role changes take effect at once (docs/adr/0004-roles-and-sessions.md).
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    // the proxy moves the idle timer forward and re-issues the cookie; its lifetime never exceeds the absolute limit
    session: { strategy: 'jwt', maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
    // HttpOnly and SameSite=Lax are next-auth's defaults for every cookie; Secure follows the public address
    useSecureCookies: usesSecureCookieUrl(),
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(raw, request) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          let result;
          try {
            result = await authenticate(await db(), { ...parsed.data, ip: clientAddress(request?.headers) }, now());
          } catch (error) {
            // the message would travel to the browser in the error URL: log it here, answer with a word
            console.error('sign-in check failed', error);
            throw new Error('unavailable', { cause: error });
          }
          // next-auth passes a thrown message to the form as `error`: the form names the wait, the same for every address
          if (!result.ok && result.reason === 'throttled') throw new Error(`retry-after:${result.retryAfterSeconds}`);
          if (!result.ok) return null;
          const { user } = result;
          return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      // next-auth's own redirects (sign-in and sign-out callbackUrl): only paths of this site (src/lib/safe-redirect.ts)
      redirect({ url, baseUrl }) {
        const path = safeRedirectPath(url, baseUrl);
        return path ? new URL(path, baseUrl).toString() : baseUrl;
      },
      jwt({ token, user }) {
        if (user) {
          const at = now().getTime();
          const claims: SessionClaims = {
            uid: Number(user.id),
            sv: (user as { sv?: number }).sv ?? 0,
            authAt: at,
            seen: at,
          };
          Object.assign(token, claims);
        }
        return token;
      },
      session({ session, token }) {
        const { uid, sv, authAt, seen } = token as SessionClaims;
        return { ...session, uid, sv, authAt, seen } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        const uid = Number(token?.uid);
        if (!Number.isInteger(uid)) return;
        const prisma = await db();
        const user = await prisma.user.findUnique({ where: { id: uid }, select: { email: true, provinceCode: true } });
        if (!user) return;
        await prisma.$transaction(async (tx) => {
          await tx.user.update({ where: { id: uid }, data: { sessionVersion: { increment: 1 } } });
          await recordAudit(tx, {
            actor: { id: uid, label: user.email },
            action: 'auth.sign-out',
            targetType: 'User',
            targetId: String(uid),
            provinceCode: user.provinceCode,
          });
        });
      },
    },
  };
}

export type { RoleName };
