import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, signInRequest, test, type SignInAs } from './fixtures';
import { FUZZ_WORLD as W } from './worlds';

// Server actions fuzzed over HTTP against the production build (issue 11: no input to any server action answers 5xx).
// Next decodes an action's body with React's decoder before any of our code runs and answers 500 to whatever it cannot
// decode; src/proxy.ts refuses those bodies first (src/server/http/action-body.ts). The vitest fuzzers call the action
// functions directly (tests/integration/fuzz-actions.test.ts): this spec covers the layer in front of them.
//
// Every action is found in the build's server-reference manifest (so an action added later is fuzzed too) and posted
// to a page that can run it, as a signed-in user who may use it, with fast-check bodies: text bodies (JSON arrays of
// values full of "$" references, prototype-named keys and odd strings, other JSON, garbage) and multipart bodies (a
// root part "0", outlined parts before or after it, FormData entries, odd field names, files, charsets, encodings).
// Properties: no answer is 5xx, and none is an action's success (the bodies carry no valid input: a success would be
// a write). After the run, what a refused body could have changed is read back and compared: the reports of the
// spec's own province (tests/e2e/worlds.ts FUZZ_WORLD, whose pages and users the fuzzed actions use) through the JSON API
// (saveWeek, the only action that writes reports) and each user's session through /api/auth/session (their role,
// province and session version: changeOwnPassword, updateUser, setUserActive and resetPassword end or change it). The
// other actions' writes (tokens, plans, populations, activations, tasks, users created) would have answered a success,
// which the property already refuses.

const DIST = process.env.NEXT_DIST_DIR || '.next';

/**
 * Actions that only read (issue 15: the user forms' unit list for the province just chosen): their success writes
 * nothing, and an unknown province's list is an empty one, so a success is allowed; what they answer is still never
 * 5xx, and the data read back after the run is still unchanged.
 */
const READS = new Set(['scopeUnits']);
const RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 40);

type Who = 'dataEntry' | 'leader' | 'admin';
const WHO: Record<Who, SignInAs> = { dataEntry: W.dataEntry, leader: W.leader, admin: 'admin' };

interface Action {
  id: string;
  name: string;
  file: string;
  page: string;
  who: Who;
}

/** Values for the dynamic segments of the pages that run actions; a page with another segment fails loudly here. */
function demoSegment(name: string, adminId: number): string {
  const values: Record<string, string> = {
    code: W.code,
    unitCode: W.district,
    district: W.district,
    target: 'default',
    id: String(adminId),
  };
  const value = values[name];
  if (value === undefined)
    throw new Error(`fuzz-actions-http: no demo value for the page segment [${name}]: add one to demoSegment()`);
  return value;
}

/** "app/(app)/provinces/[code]/entry/page" → "/provinces/12/entry": route groups drop out, segments get demo values. */
function pagePath(worker: string, adminId: number): string {
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/?page$/, '')
    .split('/')
    .filter((s) => s !== '' && !/^\(.*\)$/.test(s))
    .map((s) => (/^\[.+\]$/.test(s) ? demoSegment(s.slice(1, -1), adminId) : s));
  return '/' + segments.join('/');
}

/** Who may use the actions of a page: the administrator on /admin, the province's leader on responses and tasks. */
function userFor(page: string): Who {
  if (page.startsWith('/admin')) return 'admin';
  if (/^\/provinces\/[^/]+\/response$/.test(page) || page === '/tasks') return 'leader';
  return 'dataEntry';
}

/** Every action of the build, with the page (of its workers, the one with the fewest dynamic segments) that runs it. */
function discoverActions(adminId: number): Action[] {
  const file = path.join(process.cwd(), DIST, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      const workers = Object.keys(entry.workers).filter((w) => w.startsWith('app/') && w.endsWith('/page'));
      workers.sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0) || a.localeCompare(b));
      if (workers.length === 0) throw new Error(`fuzz-actions-http: action ${id} (${entry.filename}) runs on no page`);
      const page = pagePath(workers[0]!, adminId);
      return { id, name: entry.exportedName ?? id, file: entry.filename ?? '?', page, who: userFor(page) };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

// ---- what to send ----------------------------------------------------------------------------------------------

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'toLocaleString',
];
/** Strings React's decoder reads as references or special values, and other odd values. */
const NASTY = [
  '$5',
  '$',
  '$@1',
  '$Q1',
  '$W1',
  '$K1',
  '$Kzz',
  '$h1',
  '$T',
  '$B1',
  '$R1',
  '$i1',
  '$A1',
  '$nabc',
  '$n',
  '$n12',
  '$n-7',
  '$D',
  '$D2026-13-45',
  '$$5',
  '$$',
  '$undefined',
  '$Infinity',
  '$-0',
  '$-Infinity',
  '$NaN',
  '$H',
  '$0',
  '$1',
  '$2',
  '$a',
  '$01',
  '$1:a',
  '$ffffffffff',
  '__proto__',
  'constructor',
  'toString',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '5,',
  '+0',
  '1e-2',
  '1 000',
  '',
  ' ',
  'null',
  'true',
  '2026-W48',
  '12',
  '105',
  'a'.repeat(5000),
  '$$' + 'x'.repeat(3000),
];
const FIELD_NAMES = [
  '1',
  '2',
  '10',
  'a',
  '1_name',
  '_1_x',
  '_1_name',
  '_1_',
  '_2_scope',
  '00',
  '01',
  'S0',
  'S1',
  '',
  ' ',
  '1e0',
  '0x1',
  'Infinity',
  'name',
  '$ACTION_ID_x',
];

const str = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY.filter((s) => s.length < 40)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    str,
    fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.array(fc.tuple(key, tie('node')), { maxLength: 5 }).map((entries) => Object.fromEntries(entries)),
})).node;
/** The arguments as text: mostly a list (what React sends), sometimes anything else. */
const rootText = fc.oneof(
  { weight: 8, arbitrary: fc.array(json, { maxLength: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: json.map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '[',
      '["$$5"',
      'undefined',
      '\uFEFF["$$5"]',
      '[1,]',
      "['x']",
      '{"length":1e9}',
      '[' + '0,'.repeat(1000) + '0]',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

interface Part {
  name: string;
  value: string;
  file?: boolean;
  charset?: string;
  encoding?: string;
}
/** Multipart bodies: the root "0" somewhere among outlined parts, FormData entries and odd fields and files. */
const multipartBody = fc
  .record({
    root: rootText,
    others: fc.array(
      fc.record({
        name: fc.constantFrom(...FIELD_NAMES, '0'),
        value: fc.oneof(rootText, str),
        file: fc.boolean(),
        charset: fc.option(fc.constantFrom('utf-8', 'utf-16le', 'latin1', 'base64'), { nil: undefined }),
        encoding: fc.option(fc.constantFrom('base64', '8bit', 'binary'), { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    rootAt: fc.nat(),
    contentType: fc.constantFrom(
      'multipart/form-data; boundary=FuzzB0undary',
      'multipart/form-data; boundary=FuzzB0undary',
      'multipart/form-data; boundary=FuzzB0undary',
      'Multipart/form-data; boundary=FuzzB0undary',
      'multipart/form-data',
    ),
    truncate: fc.constantFrom(0, 0, 0, 0, 0, 0, 5),
  })
  .map(({ root, others, rootAt, contentType, truncate }) => {
    const parts: Part[] = others.map((o) => ({ ...o }));
    parts.splice(rootAt % (parts.length + 1), 0, { name: '0', value: root });
    const body = Buffer.from(
      parts
        .map((p) => {
          const headers = [`Content-Disposition: form-data; name="${p.name}"${p.file ? '; filename="f.bin"' : ''}`];
          if (p.charset) headers.push(`Content-Type: text/plain; charset=${p.charset}`);
          if (p.encoding) headers.push(`Content-Transfer-Encoding: ${p.encoding}`);
          return `--FuzzB0undary\r\n${headers.join('\r\n')}\r\n\r\n${p.value}\r\n`;
        })
        .join('') + '--FuzzB0undary--\r\n',
    );
    return {
      contentType,
      body: truncate ? body.subarray(0, body.length - truncate) : body,
      describe: JSON.stringify(parts).slice(0, 300),
    };
  });
const textBody = rootText.map((text) => ({
  contentType: 'text/plain;charset=UTF-8',
  body: Buffer.from(text),
  describe: text.slice(0, 300),
}));
const body = fc.oneof({ weight: 3, arbitrary: textBody }, { weight: 2, arbitrary: multipartBody });

// ---- HTTP ---------------------------------------------------------------------------------------------------------

function post(
  ctx: APIRequestContext,
  baseURL: string,
  action: Pick<Action, 'id' | 'page'>,
  contentType: string,
  data: Buffer | string,
): Promise<APIResponse> {
  return ctx.post(action.page, {
    headers: { 'Next-Action': action.id, Accept: 'text/x-component', Origin: baseURL, 'Content-Type': contentType },
    data,
    maxRedirects: 0,
    timeout: 30_000,
  });
}

/** The action's own answer in the RSC payload (row 1), or null. */
function actionResult(text: string): { ok?: boolean; code?: string } | null {
  const row = /^1:(\{.*\})$/m.exec(text);
  if (!row) return null;
  try {
    return JSON.parse(row[1]!) as { ok?: boolean; code?: string };
  } catch {
    return null;
  }
}

/** What the refused bodies could have changed, read back through the API. */
async function snapshot(sessions: Map<Who, APIRequestContext>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const province of [W.code]) {
    const res = await sessions.get('admin')!.get(`/api/v1/reports?province=${province}&from=2026-W01&to=2026-W53`);
    expect(res.status(), `GET /api/v1/reports?province=${province}`).toBe(200);
    out[`reports ${province}`] = await res.json();
  }
  for (const [who, ctx] of sessions) {
    // the session's expiry moves with the server's real clock: compare who it is and its version
    const { uid, sv, user } = (await (await ctx.get('/api/auth/session')).json()) as {
      uid?: number;
      sv?: number;
      user?: unknown;
    };
    out[`session ${who}`] = { uid, sv, user };
  }
  return out;
}

test.describe.configure({ timeout: 150_000 });

test('every server action in the manifest: no fuzzed body answers 5xx, none is a success, nothing changes', async ({
  playwright,
  baseURL,
}) => {
  const sessions = new Map<Who, APIRequestContext>();
  for (const who of ['dataEntry', 'leader', 'admin'] as const) {
    const ctx = await playwright.request.newContext({ baseURL });
    sessions.set(who, ctx);
  }
  const ids = new Map<Who, number>();
  for (const [who, ctx] of sessions) ids.set(who, (await signInRequest(ctx, WHO[who])).uid);
  const actions = discoverActions(ids.get('admin')!);
  // the grid's save, the response actions and the administration must be among them, or the discovery is broken
  expect(actions.map((a) => a.name)).toEqual(
    expect.arrayContaining(['saveWeek', 'activateAction', 'tickTaskAction', 'createUser', 'createToken', 'setLocale']),
  );

  const before = await snapshot(sessions);
  const report: string[] = [];
  const fivexx: string[] = [];
  for (const action of actions) {
    const ctx = sessions.get(action.who)!;
    const statuses = new Map<string, number>();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(body, async ({ contentType, body: data, describe }) => {
        const res = await post(ctx, baseURL!, action, contentType, data);
        const text = await res.text();
        const result = res.status() === 200 ? actionResult(text) : null;
        const outcome = `${res.status()}${result?.code ? ` ${result.code}` : ''}`;
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
        cases++;
        if (res.status() >= 500) fivexx.push(`${action.name} ${res.status()} ${contentType}: ${describe}`);
        expect(res.status(), `${action.name}: ${contentType} ${describe}`).toBeLessThan(500);
        if (!READS.has(action.name))
          expect(result?.ok, `${action.name} accepted a fuzzed body: ${describe}`).not.toBe(true);
      }),
      { numRuns: RUNS },
    );
    report.push(
      `  ${action.name} (${action.file}) via ${action.page} as ${action.who}: ${cases} cases, statuses {${[...statuses]
        .sort()
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')}}`,
    );
  }
  console.log(`Server action bodies over HTTP: ${actions.length} actions\n${report.join('\n')}`);
  expect(fivexx).toEqual([]);
  expect(await snapshot(sessions), 'data after the fuzzed bodies').toEqual(before);
  for (const ctx of sessions.values()) await ctx.dispose();
});

test('the entry grid’s save: "$5" sent raw is refused with 400, escaped as the browser sends it is the action’s own answer', async ({
  playwright,
  baseURL,
}) => {
  const ctx = await playwright.request.newContext({ baseURL });
  const { uid } = await signInRequest(ctx, W.dataEntry);
  const saveWeek = discoverActions(uid).find((a) => a.name === 'saveWeek');
  expect(saveWeek, 'saveWeek in the manifest').toBeDefined();
  const before = await (await ctx.get(`/api/v1/reports?province=${W.code}&from=2026-W48&to=2026-W48`)).json();
  const save = (figure: string) =>
    JSON.stringify([
      { provinceCode: W.code, isoWeek: '2026-W48', rows: [{ unitCode: W.district, version: 0, newCases: figure }] },
    ]);

  const raw = await post(ctx, baseURL!, saveWeek!, 'text/plain;charset=UTF-8', save('$5'));
  expect(raw.status()).toBe(400);
  expect(await raw.json()).toMatchObject({ ok: false, reason: expect.stringContaining('$5') });

  const escaped = await post(ctx, baseURL!, saveWeek!, 'text/plain;charset=UTF-8', save('$$5'));
  expect(escaped.status()).toBe(200);
  expect(actionResult(await escaped.text())).toMatchObject({ ok: false, code: 'invalid' });
  expect(await (await ctx.get(`/api/v1/reports?province=${W.code}&from=2026-W48&to=2026-W48`)).json()).toEqual(before);
  await ctx.dispose();
});

test('bodies React cannot decode that once answered 500 are refused before Next (400, 413 over 1 MB)', async ({
  playwright,
  baseURL,
}) => {
  const ctx = await playwright.request.newContext({ baseURL });
  const { uid } = await signInRequest(ctx, W.dataEntry);
  const saveWeek = discoverActions(uid).find((a) => a.name === 'saveWeek')!;
  const multipart = (parts: [string, string][]) =>
    parts.map(([headers, value]) => `--B\r\n${headers}\r\n\r\n${value}\r\n`).join('') + '--B--\r\n';
  const field = (name: string, value: string): [string, string] => [
    `Content-Disposition: form-data; name="${name}"`,
    value,
  ];
  const M = 'multipart/form-data; boundary=B';
  const cases: [string, string, string | Buffer, number][] = [
    [
      'a byte order mark',
      'text/plain;charset=UTF-8',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('["$$5"]')]),
      400,
    ],
    ['arguments that are not a list', 'text/plain;charset=UTF-8', '"plain"', 400],
    ['over 1,000 arguments', 'text/plain;charset=UTF-8', '[' + '0,'.repeat(1000) + '0]', 400],
    ['arrays over a million slots', 'text/plain;charset=UTF-8', '["' + 'a'.repeat(1_000_100) + '",0]', 400],
    ['a body over 1 MB', 'text/plain;charset=UTF-8', '["$$' + 'a'.repeat(1_100_000) + '"]', 413],
    ['multipart under "Multipart/…"', 'Multipart/form-data; boundary=B', multipart([field('0', '["$$5"]')]), 400],
    ['the root twice', M, multipart([field('0', '["$$5"]'), field('0', '["$5"]')]), 400],
    ['"00" read as the root', M, multipart([field('00', '["$5"]'), field('0', '["$$5"]')]), 400],
    ['"S0" read as the root', M, multipart([field('S0', '["$5"]'), field('0', '["$$5"]')]), 400],
    ['an empty field name', M, multipart([field('', '["$5"]'), field('0', '["$$5"]')]), 400],
    [
      'a file without a name',
      M,
      multipart([field('0', '[]'), ['Content-Disposition: form-data; name=""; filename="f.bin"', '[]']]),
      400,
    ],
    ['"$a" is part 10', M, multipart([field('a', '[]'), field('0', '["$a"]')]), 400],
    ['a part after the root', M, multipart([field('0', '["$1"]'), field('1', '{"a":1}')]), 400],
    ['a cycle', M, multipart([field('1', '["$2"]'), field('2', '["$1"]'), field('0', '["$1"]')]), 400],
    [
      'a part referenced into a million slots',
      M,
      multipart([
        field('1', JSON.stringify(['a'.repeat(20_000), 0])),
        field('0', JSON.stringify(Array(100).fill('$1'))),
      ]),
      400,
    ],
    [
      'a UTF-16 field',
      M,
      multipart([
        ['Content-Disposition: form-data; name="0"\r\nContent-Type: text/plain; charset=utf-16le', '["$$5"]'],
      ]),
      400,
    ],
    [
      'a base64 file',
      M,
      multipart([
        field('0', '[]'),
        ['Content-Disposition: form-data; name="f"; filename="a"\r\nContent-Transfer-Encoding: base64', 'eA=='],
      ]),
      400,
    ],
  ];
  for (const [name, type, data, status] of cases) {
    const res = await post(ctx, baseURL!, saveWeek, type, data);
    expect(res.status(), name).toBe(status);
  }
  // what the browser sends still works: an outlined part before the root, and a form argument
  const ok = await post(
    ctx,
    baseURL!,
    saveWeek,
    M,
    multipart([field('1', JSON.stringify({ provinceCode: W.code })), field('0', '["$1"]')]),
  );
  expect(ok.status()).toBe(200);
  expect(actionResult(await ok.text())).toMatchObject({ ok: false, code: 'invalid' });
  await ctx.dispose();
});
