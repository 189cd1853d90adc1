import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { RoleName } from '@/lib/roles';
import { db } from '../db';
import { recordAudit } from '../audit';
import { verifyPassword } from './password';
import { authSecret } from './secret';

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

// JWT sessions carry the user's id and a session version; getCurrentUser() re-reads the user on every request and
// refuses a token whose version is stale, so sign-out, deactivation and role changes take effect at once
// (docs/adr/0004-roles-and-sessions.md).
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(raw) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const prisma = await db();
          const user = await prisma.user.findUnique({
            where: { email: parsed.data.email },
            select: { id: true, email: true, name: true, passwordHash: true, active: true, sessionVersion: true, provinceCode: true },
          });
          const ok = user !== null && user.active && (await verifyPassword(user.passwordHash, parsed.data.password));
          await recordAudit(prisma, {
            actor: user && ok ? { id: user.id, label: user.email } : { id: null, label: parsed.data.email },
            action: ok ? 'auth.sign-in' : 'auth.sign-in-failed',
            targetType: 'User',
            targetId: user ? String(user.id) : parsed.data.email,
            provinceCode: user?.provinceCode ?? null,
          });
          if (!user || !ok) return null;
          return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.sv = (user as { sv?: number }).sv ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        const uid = Number(token?.uid);
        if (!Number.isInteger(uid)) return;
        const prisma = await db();
        const user = await prisma.user.update({ where: { id: uid }, data: { sessionVersion: { increment: 1 } }, select: { email: true, provinceCode: true } });
        await recordAudit(prisma, {
          actor: { id: uid, label: user.email },
          action: 'auth.sign-out',
          targetType: 'User',
          targetId: String(uid),
          provinceCode: user.provinceCode,
        });
      },
    },
  };
}

export type { RoleName };
