import http from 'node:http';
import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../src/server/seed/demo-accounts';
import { expect, signIn, test } from './fixtures';

// The web surface (SECURITY.md): headers, cookies, cross-site requests, error pages, forwarding headers from clients;
// and account safety: sign-in throttling, return addresses after sign-in, sign-out ending the session. Accounts that get
// locked or signed out everywhere are created here, never the demo ones.
// The server's clock is frozen, so throttle waits never pass: the browser (127.0.0.1) must fail fewer than 10 sign-ins
// over the whole suite (docs/adr/0009-proxies-and-sign-in-throttling.md); other clients sign in over plain HTTP from
// other loopback addresses (127.0.0.2, 127.0.0.3…), each a client of its own.

const FAILED = 'Thư điện tử hoặc mật khẩu không đúng.';
const throttledText = (seconds: number) =>
  `Quá nhiều lần đăng nhập không thành công. Vui lòng thử lại sau ${seconds} giây.`;
const PASSWORD = 'an toàn là trên hết 2026';

const signInForm = (page: Page, email: string, password: string) => signIn(page, { email, password }, { wait: false });

/** An account of our own, created through the administrator's form (then the page is signed out again). */
async function createAccount(page: Page, email: string) {
  await signInForm(page, DEMO_EMAILS.admin, DEMO_PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
  await page.goto('/admin/users/new');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Họ tên, chức vụ').fill('Tài khoản kiểm thử an ninh');
  await page.getByLabel('Vai trò', { exact: true }).selectOption('PROVINCIAL_LEADER');
  await page.getByLabel('Tỉnh', { exact: true }).selectOption('38');
  await page.getByLabel('Mật khẩu ban đầu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByText('Đã tạo tài khoản.', { exact: false }).first()).toBeVisible();
  await page.context().clearCookies();
}

test.describe('headers', () => {
  test('pages carry a nonce-based Content-Security-Policy without unsafe-inline scripts, and the other headers', async ({
    request,
  }) => {
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

  test('a client cannot claim HTTPS with X-Forwarded-Proto: only a TRUSTED_PROXIES peer can', async ({ request }) => {
    const h = (await request.get('/signin', { headers: { 'x-forwarded-proto': 'https' } })).headers();
    expect(h['strict-transport-security']).toBeUndefined();
    expect(h['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  test('API responses are never rendered, framed or cached', async ({ request }) => {
    const h = (await request.get('/api/health')).headers();
    expect(h['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['cache-control']).toContain('no-store');
  });

  test('markup injected into a page cannot run script (inline handlers are refused)', async ({
    page,
    allowConsoleErrors,
  }) => {
    allowConsoleErrors(/Content Security Policy/);
    await page.goto('/signin');
    const ran = await page.evaluate(async () => {
      // what a stored cross-site-scripting payload would do once rendered as HTML
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="data:image/png;base64,bm90IGFuIGltYWdl" onerror="window.__injected = true">',
      );
      await new Promise((r) => setTimeout(r, 300));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });
});

test.describe('cookies and sessions', () => {
  test('the session cookie is HttpOnly and SameSite=Lax (Secure when the address is HTTPS)', async ({
    page,
    loginAs,
  }) => {
    await loginAs('national');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // the test server is plain HTTP (NEXTAUTH_URL http://…); with https:// next-auth names it __Secure-… and sets Secure
    expect(cookie?.secure).toBe(false);
    // and it expires: 12 hours at most
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3600_000 + 60_000);
  });

  test('signing out ends the session everywhere, even for a copy of the cookie', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const email = 'an.ninh.dang.xuat@demo.surgewatch.vn';
    await createAccount(page, email);
    await signInForm(page, email, PASSWORD);
    await page.waitForURL(/\/provinces\/38/);
    const copy: APIRequestContext = await playwright.request.newContext({
      baseURL,
      storageState: await page.context().storageState(),
    });
    expect((await copy.get('/provinces/38', { maxRedirects: 0 })).status()).toBe(200);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/signin/);
    const after = await copy.get('/provinces/38', { maxRedirects: 0 });
    expect(after.status()).toBe(307);
    expect(after.headers().location).toContain('/signin');
    await copy.dispose();
  });
});

/** One sign-in through next-auth's credentials endpoint over plain HTTP from a loopback address of its own. */
async function signInFrom(
  baseURL: string,
  localAddress: string,
  email: string,
  password: string,
): Promise<'signed-in' | string> {
  const call = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request(new URL(path, baseURL), { method, localAddress, headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const csrf = await call('GET', '/api/auth/csrf', {});
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const form = new URLSearchParams({
    csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken,
    email,
    password,
    json: 'true',
  });
  const res = await call(
    'POST',
    '/api/auth/callback/credentials',
    { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    form.toString(),
  );
  if ((res.headers['set-cookie'] ?? []).some((c) => c.startsWith('next-auth.session-token='))) return 'signed-in';
  let target = res.headers.location;
  try {
    target = (JSON.parse(res.body) as { url?: string }).url ?? target;
  } catch {
    // a redirect without a JSON body
  }
  return new URL(String(target), baseURL).searchParams.get('error') ?? `status ${res.status}`;
}

test.describe('sign-in throttling', () => {
  test('5 failures lock this client out of that address with a wait in seconds; an unknown address reads the same', async ({
    page,
    allowConsoleErrors,
  }) => {
    allowConsoleErrors(/status of 401/);
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.99' });
    const email = 'an.ninh.khoa@demo.surgewatch.vn';
    await createAccount(page, email);
    const ghost = 'khong.ton.tai@demo.surgewatch.vn';
    const messages: Record<string, string[]> = { [email]: [], [ghost]: [] };
    // 5 + 3 failures from the browser: with the one of province-page.spec.ts, still under the 10 that slow a client
    for (const [who, times] of [
      [email, 5],
      [ghost, 3],
    ] as const) {
      for (let i = 0; i < times; i++) {
        await signInForm(page, who, `sai mật khẩu lần ${i}`);
        await expect(page.locator('main [role="alert"]')).toHaveText(i < 4 ? FAILED : throttledText(900));
        messages[who]!.push(await page.locator('main [role="alert"]').innerText());
      }
    }
    expect(messages[ghost]).toEqual(messages[email]!.slice(0, 3));
    // locked: even the right password is refused, and the page says how long to wait
    await signInForm(page, email, PASSWORD);
    await expect(page.locator('main [role="alert"]')).toHaveText(throttledText(900));
    await expect(page).toHaveURL(/\/signin/);

    // the administrator sees it in the audit log
    await signInForm(page, DEMO_EMAILS.admin, DEMO_PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    await page.goto(`/admin/audit?action=auth.locked`);
    await expect(page.getByTestId('audit-table')).toContainText(email);
    await page.goto(`/admin/audit?action=auth.sign-in-locked&actor=${encodeURIComponent(email)}`);
    await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(1);
    // the address recorded is the socket's, not the one the client wrote in X-Forwarded-For
    await page.goto(`/admin/audit?action=auth.sign-in-failed&actor=${encodeURIComponent(ghost)}`);
    await expect(page.getByTestId('audit-table')).toContainText('127.0.0.1');
    await expect(page.getByTestId('audit-table')).not.toContainText('198.51.100.99');
  });

  test('40 failures of client X at an address lock X out, not client Y with the right password', async ({
    page,
    baseURL,
  }) => {
    const email = 'an.ninh.hai.may@demo.surgewatch.vn';
    await createAccount(page, email);
    const x = [];
    for (let i = 0; i < 40; i++) x.push(await signInFrom(baseURL!, '127.0.0.2', email, `đoán mò số ${i}`));
    expect(x.slice(0, 4)).toEqual(Array(4).fill('CredentialsSignin'));
    expect(x.slice(4)).toEqual(Array(36).fill('retry-after:900'));
    expect(await signInFrom(baseURL!, '127.0.0.3', email, PASSWORD)).toBe('signed-in');
    expect(await signInFrom(baseURL!, '127.0.0.2', email, PASSWORD)).toBe('retry-after:900');
  });

  test('one client trying many addresses is slowed after 10', async ({ baseURL }) => {
    const results = [];
    for (let i = 0; i < 12; i++)
      results.push(await signInFrom(baseURL!, '127.0.0.4', `thu.${i}@demo.surgewatch.vn`, 'không phải mật khẩu'));
    expect(results.slice(0, 9)).toEqual(Array(9).fill('CredentialsSignin'));
    // the clock of the test server stands still: the wait never passes
    expect(results.slice(9)).toEqual(['retry-after:5', 'retry-after:5', 'retry-after:5']);
    expect(await signInFrom(baseURL!, '127.0.0.4', DEMO_EMAILS.national, DEMO_PASSWORD)).toBe('retry-after:5');
    expect(await signInFrom(baseURL!, '127.0.0.5', DEMO_EMAILS.national, DEMO_PASSWORD)).toBe('signed-in');
  });
});

test.describe('return address after sign-in', () => {
  test('a signed-out visitor signs in and lands on the page they asked for', async ({ page }) => {
    await page.goto('/provinces/12/entry?week=2026-W25');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprovinces%2F12%2Fentry%3Fweek%3D2026-W25$/);
    await page.getByLabel('Thư điện tử').fill(DEMO_EMAILS.dataEntryLC);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname === '/provinces/12/entry' && u.searchParams.get('week') === '2026-W25');
  });

  for (const evil of [
    '/\\evil.example/',
    '//evil.example',
    '/\\/evil.example',
    '/%2f/evil.example',
    '/\uff0f/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
  ]) {
    test(`a return address of ${JSON.stringify(evil)} lands on the home page, signed in or not`, async ({ page }) => {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(evil)}`);
      await page.getByLabel('Thư điện tử').fill(DEMO_EMAILS.leaderKG);
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/provinces\/91/);
      // already signed in: the sign-in page redirects at once, still home
      const res = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
      expect(res.status()).toBe(307);
      expect(res.headers().location).toBe('/provinces/91');
    });
  }

  test('a control character in the return address is a 400 with a clear page, signed in or not', async ({
    page,
    request,
    loginAs,
    allowConsoleErrors,
  }) => {
    allowConsoleErrors(/status of 400/);
    for (const value of ['/\n/evil.example/', '/\t/evil.example/', '/\r\n/x', '/%0a/evil.example']) {
      const res = await request.get(`/signin?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
      expect(res.status(), value).toBe(400);
      expect(await res.text()).toContain('Địa chỉ quay lại không hợp lệ');
    }
    await loginAs('leaderKG');
    const res = await page.goto(`/signin?callbackUrl=${encodeURIComponent('/\n/evil.example/')}`);
    expect(res!.status()).toBe(400);
    await expect(page.getByRole('heading', { name: 'Invalid return address' })).toBeVisible();
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
      for (const spoof of [{}, { 'x-forwarded-host': 'evil.example' }] as Record<string, string>[]) {
        // X-Forwarded-Host from a client (not a TRUSTED_PROXIES peer) cannot make evil.example look like this site
        const res = await page.request.post(path, {
          headers: { ...headers, ...spoof, origin: 'https://evil.example' },
          data: 'x',
          maxRedirects: 0,
        });
        expect(res.status(), path).toBe(403);
        expect(await res.json()).toEqual({ error: 'cross-site request refused' });
      }
    }
    // still signed in: the forged sign-out did nothing
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Quản trị hệ thống' })).toBeVisible();
  });
});

test.describe('error pages', () => {
  test('errors never show stack traces, SQL or internals', async ({ page, request, loginAs, allowConsoleErrors }) => {
    allowConsoleErrors(/status of 40\d/);
    // "prisma/data/…" is the reference data's folder, which the catalogue update's help names (admin messages)
    const leaks = /\bat [\w.<>]+ \(|node_modules|\.tsx?:\d+|prisma(?!\/data\/)|SELECT |INSERT |digest:/i;
    const probes = [
      await request.get('/provinces/99'),
      await request.get('/no/such/page'),
      await request.post('/signin', {
        headers: { 'next-action': 'ab'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' },
        data: '["x"]',
      }),
      await request.put('/api/v1/reports/899/2026-W10', {
        data: '{not json',
        headers: { 'content-type': 'application/json' },
      }),
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
