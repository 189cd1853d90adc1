// Starts the app for the end-to-end tests exactly as `npm start` does, but on a throw-away database of its own
// (tests/support/test-db.ts), with a fixed clock so the demo data and the tests agree on "the last complete week".
// Before the app starts, this process opens the database, migrates it and seeds the demo as start-up would, then adds
// the specs' own worlds (tests/e2e/build-worlds.ts) and closes it: the app finds the database ready and seeds nothing.
// Run under the react-server condition (playwright.config.ts), like the benchmarks: server modules import 'server-only'.
import { spawn } from 'node:child_process';
import { openDatabase } from '../../src/server/db/connection';
import { applyMigrations } from '../../src/server/db/migrate';
import { seedIfEmpty } from '../../src/server/seed';
import { createThrowawayDatabase, databaseEnv } from '../support/test-db';
import { buildWorlds } from './build-worlds';
import { E2E_NOW } from './worlds';

const port = process.env.E2E_PORT ?? '3100';
const now = new Date(E2E_NOW);

const target = await createThrowawayDatabase('surgewatch_e2e', { embedded: 'folder' });
const database = await openDatabase(
  target.kind === 'postgres' ? { kind: 'postgres', url: target.url } : { kind: 'embedded', dataDir: target.dataDir },
);
try {
  await applyMigrations(database.sql);
  await seedIfEmpty(database.prisma, { demo: true, now });
  await buildWorlds(database.prisma, now);
} finally {
  await database.close();
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...databaseEnv(target),
  PORT: port,
  DEMO: '1',
  SURGEWATCH_NOW: E2E_NOW,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
};
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { stdio: 'inherit', env });
const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', (code) => {
  target
    .drop()
    .catch(() => undefined)
    .finally(() => process.exit(code ?? 0));
});
