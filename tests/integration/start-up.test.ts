import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/db/connection';
import { EmbeddedDatabaseBusyError } from '@/server/db/embedded-lock';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'surgewatch-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm start with a bad environment', () => {
  it.each([
    [{ DATABASE_URL: 'mysql://localhost/surgewatch' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgresql://u@127.0.0.1/db', NEXTAUTH_SECRET: '' }, 'NEXTAUTH_SECRET'],
    [{ PORT: 'abc' }, 'PORT'],
  ])('stops with exit code 1 and one line naming the variable: %j', (vars, name) => {
    const env = { ...process.env, DATABASE_URL: '', NEXTAUTH_SECRET: '', ...vars };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^SurgeWatch cannot start: ${name} `));
  });
});

describe('the embedded database folder', () => {
  it('refuses a second process with a clear message while the first holds it', async () => {
    const dir = tempDir();
    // another process opens the folder and keeps it open
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./src/server/db/connection.ts').then(async (m) => { await m.openDatabase({ kind: 'embedded', dataDir: ${JSON.stringify(dir)} }); console.log('open'); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (b: Buffer) => b.toString().includes('open') && resolve());
        holder.on('exit', () => reject(new Error('holder exited')));
      });
      const attempt = openDatabase({ kind: 'embedded', dataDir: dir });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
      await expect(attempt).rejects.toThrow(`already open in process ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over at once a lock left by a process that died (kill -9)', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'surgewatch.lock'), dead.stdout);
    const db = await openDatabase({ kind: 'embedded', dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'surgewatch.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(path.join(dir, 'surgewatch.lock'))).toBe(false);
  });
});
