// Which Chromium the end-to-end tests drive (README "Run the tests"; docs/adr/0005-libraries.md):
// 1. CHROMIUM_PATH, when set;
// 2. Debian's /usr/bin/chromium, when present (unless E2E_BROWSER=bundled);
// 3. otherwise the Chromium build shipped inside the npm package @sparticuz/chromium (pinned in package.json, MIT),
//    so that `npm install && npm test` works on a machine with only Node and npm.
// The package is made for AWS Lambda and unpacks itself only there; here we unpack it ourselves, synchronously (the
// Playwright config needs the path when it loads), into node_modules/.cache, once per package version. Its few shared
// libraries (NSS, NSPR, expat) come from the system when present, else from the package's own Amazon Linux set; if one
// is still missing we stop with one line naming it and the Debian package that provides it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

export interface Browser {
  executablePath: string;
  /** extra environment for the browser process (library and font paths of the bundled build) */
  env: Record<string, string>;
  source: 'CHROMIUM_PATH' | 'system' | 'bundled';
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Debian packages providing the libraries the bundled build links against (and a few a Chromium commonly needs). */
const DEBIAN_PACKAGE: Record<string, string> = {
  'libnss3.so': 'libnss3',
  'libnssutil3.so': 'libnss3',
  'libsmime3.so': 'libnss3',
  'libnspr4.so': 'libnspr4',
  'libplc4.so': 'libnspr4',
  'libplds4.so': 'libnspr4',
  'libexpat.so.1': 'libexpat1',
  'libgcc_s.so.1': 'libgcc-s1',
  'libdl.so.2': 'libc6',
  'libpthread.so.0': 'libc6',
  'libm.so.6': 'libc6',
  'libc.so.6': 'libc6',
};

export function resolveChromium(): Browser {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return { executablePath: fromEnv, env: {}, source: 'CHROMIUM_PATH' };
  }
  if (process.env.E2E_BROWSER !== 'bundled' && fs.existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM, env: {}, source: 'system' };
  }
  return bundledChromium();
}

function bundledChromium(): Browser {
  const require = createRequire(import.meta.url);
  // the package exports only its entry (build/index.js), not package.json
  const pkgDir = path.dirname(path.dirname(require.resolve('@sparticuz/chromium')));
  const pkgJson = path.join(pkgDir, 'package.json');
  const version = (JSON.parse(fs.readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const dir = path.resolve('node_modules', '.cache', 'surgewatch-chromium', version);
  if (!fs.existsSync(path.join(dir, 'chromium'))) unpack(path.join(pkgDir, 'bin'), dir);

  const executablePath = path.join(dir, 'chromium');
  const env: Record<string, string> = {
    FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    HOME: process.env.HOME ?? dir,
  };
  let missing = missingLibraries(executablePath, {});
  if (missing.length > 0) {
    // the system lacks some: use the package's own copies, keeping the system's for the rest
    env.LD_LIBRARY_PATH = [path.join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
    missing = missingLibraries(executablePath, env);
  }
  if (missing.length > 0) throw new Error(missingLibraryMessage(missing[0]!));
  return { executablePath, env, source: 'bundled' };
}

export function missingLibraryMessage(lib: string): string {
  const pkg = DEBIAN_PACKAGE[lib] ?? lib.replace(/\.so.*$/, '');
  return `The bundled Chromium cannot start: the shared library ${lib} is missing; install it with \`apt-get install ${pkg}\` (or install chromium, or set CHROMIUM_PATH).`;
}

/** The libraries `ldd` cannot find for the binary (ldd is part of glibc's libc-bin, on every Debian). */
function missingLibraries(binary: string, env: Record<string, string>): string[] {
  let out: string;
  try {
    out = execFileSync('ldd', [binary], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    return []; // no ldd (not glibc): let the browser launch say what is wrong
  }
  return out
    .split('\n')
    .filter((line) => line.includes('=> not found'))
    .map((line) => line.trim().split(/\s+/)[0]!)
    .filter(Boolean);
}

/** Unpacks the package's brotli files into `dir`, atomically (parallel test runs may race: the first rename wins). */
function unpack(bin: string, dir: string): void {
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    fs.writeFileSync(path.join(tmp, 'chromium'), brotli(path.join(bin, 'chromium.br')), { mode: 0o755 });
    // NSS, NSPR and expat built for Amazon Linux 2023 (glibc 2.34): used only when the system lacks them
    untar(brotli(path.join(bin, 'al2023.tar.br')), tmp);
    // Open Sans (with Vietnamese) for pages that fall back from the app's own web font; the system's fonts too
    untar(brotli(path.join(bin, 'fonts.tar.br')), tmp);
    fs.writeFileSync(
      path.join(tmp, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>${path.join(dir, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n` +
        `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    try {
      fs.renameSync(tmp, dir);
    } catch (error) {
      if (!fs.existsSync(path.join(dir, 'chromium'))) throw error; // not a lost race
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function brotli(file: string): Buffer {
  return zlib.brotliDecompressSync(fs.readFileSync(file));
}

/** A minimal reader of the package's (ustar) archives: regular files and directories, paths kept inside `dest`. */
function untar(archive: Buffer, dest: string): void {
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const mode = parseInt(field(100, 8).trim() || '644', 8);
    const type = field(156, 1) || '0';
    const target = path.resolve(dest, name);
    if (!target.startsWith(path.resolve(dest) + path.sep)) throw new Error(`unsafe path in Chromium archive: ${name}`);
    const body = archive.subarray(offset + 512, offset + 512 + size);
    if (type === '5') fs.mkdirSync(target, { recursive: true });
    else if (type === '0') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, body, { mode: mode & 0o777 });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}
