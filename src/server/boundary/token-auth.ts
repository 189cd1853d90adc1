import 'server-only';
import type { SessionUser } from '@/lib/roles';
import { recordRefusal } from './refuse';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { requestHost } from '@/server/http/forwarded';
import { fail, type Translate } from './respond';
import { identifyToken } from '@/server/tokens/api-tokens';

// Who is calling: a personal token (Authorization: Bearer …) or the app's session cookie. A request that presents a
// token is judged by the token alone: a bad one is refused even if a session cookie came along.

export type ApiAuth = { ok: true; user: SessionUser; via: 'token' | 'session' } | { ok: false; response: Response };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function authenticate(request: Request, t: Translate): Promise<ApiAuth> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const found = m ? await identifyToken(m[1]!) : null;
    if (!found) return { ok: false, response: withChallenge(fail(401, t('api.badToken'))) };
    // A read token reads, whatever its owner's role: anything but GET and HEAD is refused before any handler runs
    // (OPTIONS too: the API answers no preflight, and a read token has nothing to ask one for).
    if (found.scope === 'read' && request.method !== 'GET' && request.method !== 'HEAD') {
      await recordRefusal(await db(), found.user, `api.token.readOnly:${request.method}`, null);
      return { ok: false, response: fail(403, t('api.readOnlyToken', { scope: 'read' }), {}, { tokenScope: 'read' }) };
    }
    return { ok: true, user: found.user, via: 'token' };
  }
  const user = await getCurrentUser();
  if (!user) return { ok: false, response: withChallenge(fail(401, t('api.unauthenticated'))) };
  // A cookie rides along on requests from any site: writes with the cookie must come from our own pages.
  if (!SAFE_METHODS.has(request.method)) {
    const origin = request.headers.get('origin');
    // X-Forwarded-Host only from a TRUSTED_PROXIES peer (src/server/http/forwarded.ts)
    const host = requestHost(request.headers);
    if (origin !== null && (!URL.canParse(origin) || new URL(origin).host !== host)) {
      return { ok: false, response: fail(403, t('api.crossOrigin')) };
    }
  }
  return { ok: true, user, via: 'session' };
}

function withChallenge(response: Response): Response {
  response.headers.set('WWW-Authenticate', 'Bearer realm="surgewatch"');
  return response;
}
