import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '@/server/env';

// scripts/forwarded-guard.cjs preloaded with `node --require`, exactly as scripts/start.ts starts Next, in front of a
// plain Node HTTP server that answers with the headers it was given. Real sockets: requests leave from 127.0.0.1
// (not trusted) or from 127.0.0.2 (listed in TRUSTED_PROXIES, as a reverse proxy would be).

const GUARD = path.join(process.cwd(), 'scripts', 'forwarded-guard.cjs');
const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ headers: req.headers, raw: req.rawHeaders, flag: process.env.SURGEWATCH_FORWARDED_GUARD === String(process.pid) }));
});
server.listen(0, '127.0.0.1', () => console.log('port=' + server.address().port));
`;

let child: ChildProcess;
let port = 0;
let stderr = '';

beforeAll(async () => {
  const list = JSON.stringify(parseTrustedProxies('127.0.0.2, 10.0.0.0/8'));
  child = spawn(process.execPath, ['--require', GUARD, '-e', SERVER], {
    env: { ...process.env, SURGEWATCH_TRUSTED_PROXY_LIST: list },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      const m = /port=(\d+)/.exec(b.toString());
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`server exited: ${stderr}`)));
  });
});
afterAll(() => {
  child?.kill('SIGTERM');
});

interface Seen {
  headers: Record<string, string>;
  raw: string[];
  flag: boolean;
}

function get(from: '127.0.0.1' | '127.0.0.2', headers: Record<string, string>): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', localAddress: from, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(JSON.parse(body) as Seen));
    });
    req.on('error', reject);
    req.end();
  });
}

const SPOOF = {
  'x-forwarded-for': '198.51.100.9',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
  'x-forwarded-port': '443',
  'x-real-ip': '198.51.100.10',
  forwarded: 'for=198.51.100.11;host=evil.example;proto=https',
  'x-surgewatch-client': '198.51.100.12',
};

describe('the forwarded-headers guard', () => {
  it('marks the process it runs in', async () => {
    expect((await get('127.0.0.1', {})).flag).toBe(true);
  });

  it('from a peer not in TRUSTED_PROXIES: drops every forwarding header and names the socket peer as the client', async () => {
    const seen = await get('127.0.0.1', SPOOF);
    for (const name of Object.keys(SPOOF).filter((n) => n !== 'x-surgewatch-client'))
      expect(seen.headers[name], name).toBeUndefined();
    expect(seen.headers['x-surgewatch-client']).toBe('127.0.0.1');
    expect(seen.raw.map((h) => h.toLowerCase())).not.toContain('x-forwarded-for');
    expect(seen.raw.join(' ')).not.toContain('198.51.100');
    expect(seen.headers.host).toBe(`127.0.0.1:${port}`);
  });

  it('warns once, naming the headers and the peer, however many such requests arrive', async () => {
    await get('127.0.0.1', SPOOF);
    await get('127.0.0.1', { 'x-forwarded-for': '198.51.100.1' });
    const warnings = stderr.split('\n').filter((l) => l.includes('not in TRUSTED_PROXIES'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('x-forwarded-for');
    expect(warnings[0]).toContain('127.0.0.1');
  });

  it('from a trusted proxy: keeps Host and Proto (first value) and takes the last hop that is not a trusted proxy as the client', async () => {
    const seen = await get('127.0.0.2', {
      'x-forwarded-for': '203.0.113.50, 198.51.100.7, 10.1.2.3',
      'x-forwarded-host': 'surgewatch.example.gov.vn, internal',
      'x-forwarded-proto': 'https',
      'x-surgewatch-client': '1.2.3.4',
    });
    // 10.1.2.3 is a trusted proxy too; 198.51.100.7 is the first untrusted hop from our side: the client
    expect(seen.headers['x-surgewatch-client']).toBe('198.51.100.7');
    expect(seen.headers['x-forwarded-host']).toBe('surgewatch.example.gov.vn');
    expect(seen.headers['x-forwarded-proto']).toBe('https');
  });

  it('from a trusted proxy without X-Forwarded-For, or with garbage in it, the client is the last address it can read', async () => {
    expect((await get('127.0.0.2', {})).headers['x-surgewatch-client']).toBe('127.0.0.2');
    expect((await get('127.0.0.2', { 'x-forwarded-for': 'unknown, 203.0.113.9' })).headers['x-surgewatch-client']).toBe(
      '203.0.113.9',
    );
    expect(
      (await get('127.0.0.2', { 'x-forwarded-for': '203.0.113.9, not-an-ip' })).headers['x-surgewatch-client'],
    ).toBe('127.0.0.2');
  });
});

describe('hops written with a port', () => {
  it.each([
    ['203.0.113.9:4711', '203.0.113.9'],
    ['[2001:db8::9]:443', '2001:db8::9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['203.0.113.9:999999', null],
    ['not-an-address', null],
  ])('%s reads as %s', async (hop, address) => {
    const { plainAddress } = createRequire(import.meta.url)(GUARD) as { plainAddress: (v: string) => string | null };
    expect(plainAddress(hop)).toBe(address);
  });
});
