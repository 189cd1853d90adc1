import { defineConfig } from '@playwright/test';
import { resolveChromium } from './tests/support/chromium';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

// Real Chromium against the production build, started by tests/e2e/server.ts on a throw-away database: a temporary PGlite
// folder, or a new database on DATABASE_URL's server. Playwright cannot download its own browsers here: the system's
// Chromium when there is one, else the build shipped in the npm package @sparticuz/chromium (tests/support/chromium.ts).
// Specs own their data (tests/e2e/worlds.ts), so files run side by side on two workers (the machine's two cores), the
// tests of one file in order; one server for all, since every spec runs on the same fixed clock. The server's import
// slots (MAX_CONCURRENT_IMPORTS) are shared by every caller, and the import specs fill them on purpose (bombs side by
// side): those specs take turns on one worker of their own project, beside the journeys.
const browser = resolveChromium();
if (!process.env.TEST_WORKER_INDEX) console.log(`e2e browser: ${browser.executablePath} (${browser.source})`);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  projects: [
    { name: 'imports', testMatch: /import-[\w-]+\.spec\.ts$/, workers: 1 },
    { name: 'journeys', testIgnore: /import-[\w-]+\.spec\.ts$/ },
  ],
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.executablePath,
      env: { ...process.env, ...browser.env } as Record<string, string>,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // the react-server condition: tests/e2e/server.ts builds the worlds with server modules that import 'server-only'
    command: 'node --conditions=react-server --import tsx tests/e2e/server.ts',
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM lets tests/e2e/server.ts stop the app and drop its throw-away database
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(E2E_PORT) },
  },
});
