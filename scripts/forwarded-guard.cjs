// Preloaded into the Next server process by scripts/start.ts (node --require), before Next sees any request:
// docs/adr/0009-proxies-and-sign-in-throttling.md. Next does not expose the socket's peer address, and it believes
// X-Forwarded-For/-Host/-Proto from anyone (it only fills them in when they are missing). Here, on the Node HTTP
// server itself:
// - a request whose peer is not in TRUSTED_PROXIES loses every forwarding header (Next then fills them from the socket
//   and the Host header), and the first such request logs one warning;
// - from a trusted proxy they are kept (first value of Host/Proto), and the client is the last X-Forwarded-For hop
//   that is not itself a trusted proxy;
// - the client address goes to the app in `x-surgewatch-client`; a copy sent by the client is always removed.
// Plain CommonJS (no TypeScript loader in the server process); the list comes parsed and validated from src/server/env.ts.
'use strict';
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');

const CLIENT_HEADER = 'x-surgewatch-client';
const FORWARDING = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
];
const GUARD_FLAG = 'SURGEWATCH_FORWARDED_GUARD';

/** `::ffff:10.0.0.1` -> `10.0.0.1`, `10.0.0.1:4711` and `[2001:db8::1]:4711` (some load balancers add the port) -> the
 *  address; null for anything that is not an IP address */
function plainAddress(value) {
  if (typeof value !== 'string') return null;
  let a = value.trim();
  const v4port = /^(\d+\.\d+\.\d+\.\d+):\d{1,5}$/.exec(a);
  if (v4port) a = v4port[1];
  const v6port = /^\[([^\]]+)\]:\d{1,5}$/.exec(a);
  if (v6port) a = v6port[1];
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1];
  return net.isIP(a) ? a : null;
}

/**
 * @param {{ address: string, prefix: number, family: 'ipv4' | 'ipv6' }[]} trusted
 * @param {(message: string) => void} [warn]
 * @returns {(req: import('node:http').IncomingMessage) => void} cleans the request's headers in place
 */
function createForwardedGuard(trusted, warn = (m) => console.warn(m)) {
  const list = new net.BlockList();
  for (const e of trusted) list.addSubnet(e.address, e.prefix, e.family);
  const isTrusted = (address) =>
    address !== null && trusted.length > 0 && list.check(address, net.isIPv4(address) ? 'ipv4' : 'ipv6');
  let warned = false;

  return function guard(req) {
    const peer = plainAddress(req.socket && req.socket.remoteAddress);
    const headers = req.headers;
    let client = peer;
    const drop = [CLIENT_HEADER];
    if (isTrusted(peer)) {
      const hops = String(headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean);
      for (let i = hops.length - 1; i >= 0; i--) {
        const hop = plainAddress(hops[i]);
        if (hop === null) break;
        client = hop;
        if (!isTrusted(hop)) break;
      }
      for (const name of ['x-forwarded-host', 'x-forwarded-proto']) {
        const first = headers[name] === undefined ? '' : String(headers[name]).split(',')[0].trim();
        if (first) headers[name] = first;
        else drop.push(name);
      }
    } else {
      const sent = FORWARDING.filter((name) => headers[name] !== undefined);
      if (sent.length > 0 && !warned) {
        warned = true;
        warn(
          `SurgeWatch: ignoring ${sent.join(', ')} from ${peer ?? 'an unknown peer'}, which is not in TRUSTED_PROXIES ` +
            '(warned once). If a reverse proxy of yours sends them, list its address in TRUSTED_PROXIES.',
        );
      }
      drop.push(...FORWARDING);
    }
    for (const name of drop) delete headers[name];
    if (Array.isArray(req.rawHeaders)) {
      const raw = req.rawHeaders;
      const kept = [];
      for (let i = 0; i + 1 < raw.length; i += 2)
        if (!drop.includes(String(raw[i]).toLowerCase())) kept.push(raw[i], raw[i + 1]);
      raw.splice(0, raw.length, ...kept);
    }
    if (client !== null) headers[CLIENT_HEADER] = client;
  };
}

/** Puts the guard in front of every HTTP(S) server this process creates (Next's own included). */
function installForwardedGuard(trusted) {
  const guard = createForwardedGuard(trusted);
  for (const mod of [http, https]) {
    const original = mod.createServer;
    mod.createServer = function createServer(...args) {
      const server = original.apply(this, args);
      // first in line: runs before Next's own request listener, on the same request object
      server.prependListener('request', guard);
      return server;
    };
  }
  // this process's id, not just "1": a child process inherits the variable but not the guard
  process.env[GUARD_FLAG] = String(process.pid);
}

module.exports = { createForwardedGuard, installForwardedGuard, plainAddress, CLIENT_HEADER, GUARD_FLAG };

// preloaded with `node --require`: the list is handed over, already validated, by scripts/start.ts
if (require.main !== module && process.env.SURGEWATCH_TRUSTED_PROXY_LIST !== undefined) {
  installForwardedGuard(JSON.parse(process.env.SURGEWATCH_TRUSTED_PROXY_LIST));
}
