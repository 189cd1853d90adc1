import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_EMAILS, DEMO_PASSWORD, type DemoAccountKey } from '../../src/server/seed/demo-accounts';

/** Who signs in: a demo account by its short name (DEMO_EMAILS), or any address and password (a world's user). */
export type SignInAs = DemoAccountKey | { email: string; password: string };

const credentials = (who: SignInAs) =>
  typeof who === 'string' ? { email: DEMO_EMAILS[who], password: DEMO_PASSWORD } : who;

/**
 * The one way a spec signs in through the page: the sign-in form. By default it waits until the app has taken the
 * page elsewhere; `{ wait: false }` for a sign-in the test expects to be refused.
 */
export async function signIn(page: Page, who: SignInAs, options: { wait?: boolean } = {}): Promise<void> {
  const { email, password } = credentials(who);
  await page.goto('/signin');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  if (options.wait !== false) await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** The same sign-in for an API context (no page): through next-auth's endpoints; the session's user id and version. */
export async function signInRequest(ctx: APIRequestContext, who: SignInAs): Promise<{ uid: number; sv: number }> {
  const { email, password } = credentials(who);
  const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true', callbackUrl: '/' },
    maxRedirects: 0,
  });
  const s = (await (await ctx.get('/api/auth/session')).json()) as { uid?: number; sv?: number } | null;
  if (!s?.uid) throw new Error(`could not sign in as ${email}`);
  return { uid: s.uid, sv: s.sv ?? 0 };
}

/** The entry grid's input for a unit and a figure. */
export const cell = (page: Page, unitCode: string, field: string) =>
  page.locator(`tr[data-unit="${unitCode}"] input[id$="-${field}"]`);

// Any console error in the browser fails the test.
// A test that expects one (a refused request the browser logs) names it with allowConsoleErrors(pattern).
export const test = base.extend<{
  loginAs: (who: SignInAs) => Promise<void>;
  allowConsoleErrors: (pattern: RegExp) => void;
  consoleErrors: string[];
}>({
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  allowConsoleErrors: [
    async ({ consoleErrors }, use) => {
      const allowed: RegExp[] = [];
      await use((pattern) => {
        allowed.push(pattern);
      });
      const unexpected = consoleErrors.filter((e) => !allowed.some((p) => p.test(e)));
      expect(unexpected, 'console errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page, consoleErrors }, use) => {
    page.on('console', (m) => {
      // a failed resource's message does not name it: add its address, so a failure says which request it was
      if (m.type() === 'error') consoleErrors.push(m.location().url ? `${m.text()} [${m.location().url}]` : m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await use(page);
  },
  loginAs: async ({ page }, use) => {
    await use((who) => signIn(page, who));
  },
});

export { expect };
