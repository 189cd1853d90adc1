// What the benchmarks that run the production server share: a throw-away database, waiting for the server, and
// signing in as the browser does.
import type { ChildProcess } from 'node:child_process';
import { createThrowawayDatabase, databaseEnv } from '../tests/support/test-db';

export interface BenchDatabase {
  /** environment for the server: its database (and demo mode, for the demo accounts) */
  env: Record<string, string>;
  cleanup: () => Promise<void>;
  label: string;
}

/** A temporary embedded folder, or a new database on DATABASE_URL's server (dropped by `cleanup`). */
export async function prepareBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const database = await createThrowawayDatabase(prefix, { embedded: 'folder' });
  // demo mode for the demo accounts the benchmarks sign in with
  return { env: { ...databaseEnv(database), DEMO: '1' }, cleanup: () => database.drop(), label: database.label };
}

export async function waitForHealth(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not become healthy in time');
}

/** next-auth's credentials sign-in, as the browser does it: CSRF token first, then the callback; returns the cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: base }).toString(),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.includes('session-token='));
  if (!session) throw new Error(`sign-in of ${email} failed (HTTP ${res.status})`);
  return [...jar, session].join('; ');
}
