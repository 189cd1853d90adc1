import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-accounts';

export const ACCOUNTS = {
  admin: 'admin@demo.surgewatch.vn',
  nationalLeader: 'lanhdao.quocgia@demo.surgewatch.vn',
  dataEntryKG: 'nhaplieu.kg@demo.surgewatch.vn',
  leaderKG: 'lanhdao.kg@demo.surgewatch.vn',
  districtKG: 'huyen.rachgia@demo.surgewatch.vn',
  agencyKG: 'soyte.kg@demo.surgewatch.vn',
  leaderLC: 'lanhdao.lc@demo.surgewatch.vn',
} as const;

export type AccountKey = keyof typeof ACCOUNTS;

async function loginAs(page: Page, who: AccountKey) {
  await page.goto('/signin');
  await page.getByLabel('Thư điện tử').fill(ACCOUNTS[who]);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

// Any console error in the browser fails the test.
export const test = base.extend<{ loginAs: (who: AccountKey) => Promise<void> }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    expect(errors, 'console errors in the browser').toEqual([]);
  },
  loginAs: async ({ page }, use) => {
    await use((who) => loginAs(page, who));
  },
});

export { expect };
