// `npm start`: check the environment, build the app if the sources changed since the last build, then serve it.
// The server itself migrates and (on an empty database) seeds at start-up: src/instrumentation.ts.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';
import { EnvError, parseEnv } from '../src/server/env';

const root = process.cwd();
const dev = process.argv.includes('--dev');

// the same .env files Next itself reads, so the check below sees what the server will see
nextEnv.loadEnvConfig(root, dev);

let appEnv;
try {
  appEnv = parseEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : String(error));
  process.exit(1);
}

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  // our own handler closes the embedded database before exiting (src/instrumentation.ts)
  NEXT_MANUAL_SIG_HANDLE: 'true',
  NEXTAUTH_URL: appEnv.authUrl ?? `http://localhost:${appEnv.port}`,
  // read by scripts/forwarded-guard.cjs, preloaded below: the TRUSTED_PROXIES list, validated by parseEnv
  SURGEWATCH_TRUSTED_PROXY_LIST: JSON.stringify(appEnv.trustedProxies),
};

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) if (!name.endsWith('.test.ts')) walk(path.join(rel, name));
    } else {
      hash.update(rel).update(fs.readFileSync(abs));
    }
  };
  for (const rel of [
    'src',
    'public',
    'prisma/data',
    'prisma/schema.prisma',
    'next.config.mjs',
    'postcss.config.mjs',
    'tsconfig.json',
    'package-lock.json',
  ])
    walk(rel);
  return hash.digest('hex');
}

const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

if (!dev) {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next');
  const stampFile = path.join(distDir, 'surgewatch-build.hash');
  const current = sourceHash();
  const built =
    fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
  if (built !== current) {
    console.log('SurgeWatch: building the app (first start, or the sources changed)…');
    const result = spawnSync(process.execPath, [nextBin, 'build'], {
      stdio: 'inherit',
      env: { ...childEnv, NODE_ENV: 'production' },
    });
    if (result.status !== 0) {
      console.error('SurgeWatch: the build failed; see the messages above.');
      process.exit(result.status ?? 1);
    }
    fs.writeFileSync(stampFile, current);
  }
}

// The guard sits in front of Next's HTTP server: forwarding headers only from TRUSTED_PROXIES, the client's address for
// the app (docs/adr/0009-proxies-and-sign-in-throttling.md).
const guard = path.join(root, 'scripts', 'forwarded-guard.cjs');
const child = spawn(
  process.execPath,
  ['--require', guard, nextBin, dev ? 'dev' : 'start', '--port', String(appEnv.port)],
  { stdio: 'inherit', env: childEnv, cwd: root },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
