import { chromium } from 'playwright';
const base = 'http://127.0.0.1:3204';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
const errors: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
const who = process.argv[2] ?? 'admin@demo.surgewatch.vn';
await page.goto(base + '/signin');
await page.getByLabel('Thư điện tử').fill(who);
await page.getByLabel('Mật khẩu').fill('surgewatch-demo');
await page.getByRole('button', { name: 'Đăng nhập' }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
const paths = (process.argv[3] ?? '/admin,/admin/users,/admin/users/new,/admin/plans,/admin/plans/91,/admin/plans/70,/admin/populations,/admin/audit,/account/password').split(',');
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForLoadState('networkidle');
  const name = p.replace(/\//g, '_').replace(/[?=&]/g, '-') || 'root';
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  console.log('shot', p, page.url());
}
console.log('errors', errors);
await browser.close();
