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
  dataEntryLC: 'nhaplieu.lc@demo.surgewatch.vn',
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
// A test that expects one (a refused request the browser logs) names it with allowConsoleErrors(pattern).
export const test = base.extend<{
  loginAs: (who: AccountKey) => Promise<void>;
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
    await use((who) => loginAs(page, who));
  },
});

export { expect };
