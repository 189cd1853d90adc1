import { expect, test } from './fixtures';
import { DATA_ENTRY_LC, signIn } from '../fixtures/e2e-login';

// A personal API token: created in the interface and shown once, used as a Bearer token, revoked.

test('a user creates a token, uses it on the API, and revokes it', async ({ page, playwright, baseURL }) => {
  await signIn(page, DATA_ENTRY_LC);
  await page.goto('/account/tokens');
  await page.getByLabel('Tên mã').fill('Phần mềm CDC');
  await page.getByRole('button', { name: 'Tạo mã' }).click();
  const shown = page.getByTestId('new-token');
  await expect(shown).toContainText('chỉ hiển thị một lần');
  const token = (await shown.locator('code').textContent())!;
  expect(token).toMatch(/^sw_/);
  await expect(page.getByRole('row', { name: /Phần mềm CDC/ })).toContainText(token.slice(0, 10));

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  try {
    const ok = await api.get('/api/v1/reports?province=12&from=2026-W47&to=2026-W47');
    expect(ok.status()).toBe(200);
    expect((await ok.json()).reports).toHaveLength(8);
    expect((await api.get('/api/v1/reports?province=91')).status()).toBe(403);

    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Thu hồi Phần mềm CDC' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã thu hồi mã' })).toBeVisible();
    expect((await api.get('/api/v1/reports?province=12')).status()).toBe(401);
  } finally {
    await api.dispose();
  }
});
