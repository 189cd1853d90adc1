import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth 4 expects the route params synchronously; Next 16 passes them as a promise.
async function handler(req: Request, ctx: Ctx) {
  const params = await ctx.params;
  return NextAuth(authOptions())(req, { params });
}

export { handler as GET, handler as POST };
