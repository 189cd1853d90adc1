import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts';
import { ACCOUNTS, expect, test } from './fixtures';

// The web surface (SECURITY.md): headers, cookies, cross-site requests, error pages; and account safety: the lockout,
// sign-out ending the session. Accounts that get locked or signed out everywhere are created here, never the demo ones.

const FAILED = 'Thư điện tử hoặc mật khẩu không đúng.';
const PASSWORD = 'an toàn là trên hết 2026';

async function signInForm(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** An account of our own, created through the administrator's form (then the page is signed out again). */
async function createAccount(page: Page, email: string) {
  await signInForm(page, ACCOUNTS.admin, DEMO_PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  await page.goto('/admin/users/new');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Họ tên, chức vụ').fill('Tài khoản kiểm thử an ninh');
  await page.getByLabel('Vai trò', { exact: true }).selectOption('PROVINCIAL_LEADER');
  await page.getByLabel('Tỉnh', { exact: true }).selectOption('35');
  await page.getByLabel('Mật khẩu ban đầu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByText('Đã tạo tài khoản.', { exact: false }).first()).toBeVisible();
  await page.context().clearCookies();
}

test.describe('headers', () => {
  test('pages carry a nonce-based Content-Security-Policy without unsafe-inline scripts, and the other headers', async ({ request }) => {
    const res = await request.get('/signin');
    const h = res.headers();
    const csp = h['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-powered-by']).toBeUndefined();
    // over plain HTTP there is no HSTS and no upgrade of requests
    expect(h['strict-transport-security']).toBeUndefined();
    expect(csp).not.toContain('upgrade-insecure-requests');
    // every script Next renders carries this response's nonce; a second response has another
    const body = await res.text();
    const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await request.get('/signin')).headers()['content-security-policy'];
    expect(again).not.toContain(nonce!);
  });

  test('behind an HTTPS proxy: Strict-Transport-Security and upgrade-insecure-requests', async ({ request }) => {
    const h = (await request.get('/signin', { headers: { 'x-forwarded-proto': 'https' } })).headers();
    expect(h['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(h['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  test('API responses are never rendered, framed or cached', async ({ request }) => {
    const h = (await request.get('/api/health')).headers();
    expect(h['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['cache-control']).toContain('no-store');
  });

  test('markup injected into a page cannot run script (inline handlers are refused)', async ({ page, allowConsoleErrors }) => {
    allowConsoleErrors(/Content Security Policy/);
    await page.goto('/signin');
    const ran = await page.evaluate(async () => {
      // what a stored cross-site-scripting payload would do once rendered as HTML
      document.body.insertAdjacentHTML('beforeend', '<img src="data:image/png;base64,bm90IGFuIGltYWdl" onerror="window.__injected = true">');
      await new Promise((r) => setTimeout(r, 300));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });
});

test.describe('cookies and sessions', () => {
  test('the session cookie is HttpOnly and SameSite=Lax (Secure when the address is HTTPS)', async ({ page, loginAs }) => {
    await loginAs('nationalLeader');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // the test server is plain HTTP (NEXTAUTH_URL http://…); with https:// next-auth names it __Secure-… and sets Secure
    expect(cookie?.secure).toBe(false);
    // and it expires: 12 hours at most
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3600_000 + 60_000);
  });

  test('signing out ends the session everywhere, even for a copy of the cookie', async ({ page, playwright, baseURL }) => {
    const email = 'an.ninh.dang.xuat@demo.surgewatch.vn';
    await createAccount(page, email);
    await signInForm(page, email, PASSWORD);
    await page.waitForURL(/\/provinces\/35/);
    const copy: APIRequestContext = await playwright.request.newContext({ baseURL, storageState: await page.context().storageState() });
    expect((await copy.get('/provinces/35', { maxRedirects: 0 })).status()).toBe(200);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/signin/);
    const after = await copy.get('/provinces/35', { maxRedirects: 0 });
    expect(after.status()).toBe(307);
    expect(after.headers().location).toContain('/signin');
    await copy.dispose();
  });
});

test.describe('lockout', () => {
  test('5 failures lock the address for 15 minutes with the same message whether or not an account exists', async ({ page, allowConsoleErrors }) => {
    allowConsoleErrors(/status of 401/);
    const email = 'an.ninh.khoa@demo.surgewatch.vn';
    await createAccount(page, email);
    const ghost = 'khong.ton.tai@demo.surgewatch.vn';
    const messages: Record<string, string[]> = { [email]: [], [ghost]: [] };
    for (const who of [email, ghost]) {
      for (let i = 0; i < 5; i++) {
        await signInForm(page, who, `sai mật khẩu lần ${i}`);
        await expect(page.locator('main [role="alert"]')).toHaveText(FAILED);
        messages[who]!.push(await page.locator('main [role="alert"]').innerText());
      }
    }
    expect(messages[email]).toEqual(messages[ghost]);
    // locked: even the right password is refused, with the same words
    await signInForm(page, email, PASSWORD);
    await expect(page.locator('main [role="alert"]')).toHaveText(FAILED);
    await expect(page).toHaveURL(/\/signin/);
    await signInForm(page, ghost, PASSWORD);
    await expect(page.locator('main [role="alert"]')).toHaveText(FAILED);

    // the administrator sees it in the audit log
    await signInForm(page, ACCOUNTS.admin, DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    await page.goto(`/admin/audit?action=auth.locked`);
    await expect(page.getByTestId('audit-table')).toContainText(email);
    await expect(page.getByTestId('audit-table')).toContainText(ghost);
    await page.goto(`/admin/audit?action=auth.sign-in-locked&actor=${encodeURIComponent(email)}`);
    await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(1);
  });
});

test.describe('cross-site requests', () => {
  test('a state-changing request from another site is refused before it reaches the app', async ({ page, loginAs }) => {
    await loginAs('admin');
    for (const [path, headers] of [
      ['/admin/users/new', { 'next-action': 'ab'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' }],
      ['/api/v1/reports/import?province=91', { 'content-type': 'text/csv' }],
      ['/api/auth/signout', { 'content-type': 'application/x-www-form-urlencoded' }],
    ] as const) {
      const res = await page.request.post(path, { headers: { ...headers, origin: 'https://evil.example' }, data: 'x', maxRedirects: 0 });
      expect(res.status(), path).toBe(403);
      expect(await res.json()).toEqual({ error: 'cross-site request refused' });
    }
    // still signed in: the forged sign-out did nothing
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Quản trị hệ thống' })).toBeVisible();
  });
});

test.describe('error pages', () => {
  test('errors never show stack traces, SQL or internals', async ({ page, request, loginAs, allowConsoleErrors }) => {
    allowConsoleErrors(/status of 40\d/);
    const leaks = /\bat [\w.<>]+ \(|node_modules|\.tsx?:\d+|prisma|SELECT |INSERT |digest:/i;
    const probes = [
      await request.get('/provinces/99'),
      await request.get('/no/such/page'),
      await request.post('/signin', { headers: { 'next-action': 'ab'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' }, data: '["x"]' }),
      await request.put('/api/v1/reports/899/2026-W10', { data: '{not json', headers: { 'content-type': 'application/json' } }),
      await request.get('/api/v1/reports?province=91&from=2026-W99&to=banana'),
    ];
    for (const res of probes) {
      const text = await res.text();
      expect(text, res.url()).not.toMatch(leaks);
    }
    await loginAs('leaderKG');
    for (const path of ['/admin/users/99999999', '/provinces/99', '/admin/plans/default']) {
      const res = await page.goto(path);
      expect(await res!.text(), path).not.toMatch(leaks);
    }
  });
});
