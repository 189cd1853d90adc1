// Starts the app for the end-to-end tests exactly as `npm start` does, but on a database of its own: a temporary
// PGlite folder (never the app's ./data), or, when DATABASE_URL is set, a new database on that PostgreSQL server.
// Demo mode with a fixed clock, so the demo data and the tests agree on "the last complete week".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const E2E_NOW = '2026-11-23T03:00:00Z';

const port = process.env.E2E_PORT ?? '3100';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'surgewatch-e2e-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  DATA_DIR: dataDir,
  DEMO: '1',
  SURGEWATCH_NOW: E2E_NOW,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
};
let cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });

if (process.env.DATABASE_URL) {
  const server = process.env.DATABASE_URL;
  const name = `surgewatch_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  const removeDir = cleanup;
  cleanup = async () => {
    await removeDir();
    const a = new pg.Client({ connectionString: server });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await a.end();
  };
}

const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { stdio: 'inherit', env });
const stop = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', (code) => {
  cleanup()
    .catch(() => undefined)
    .finally(() => process.exit(code ?? 0));
});
