import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/roles';
import { IMPORT_COLUMNS } from '@/lib/validations/weekly-report';
import { createApiToken } from '@/server/tokens/api-tokens';
import { demoAccounts, demoReports, referenceProvince } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import {
  arbitraries,
  CaseCounter,
  discoverApiRoutes,
  fingerprint,
  HTTP_METHODS,
  inputFieldNames,
  PROTOTYPE_KEYS,
  type RouteModule,
} from './fuzz-support';

// Property-based fuzzing of every /api/v1 route handler, found in the file tree (src/app/api/v1/**/route.ts) with each
// HTTP method it exports: arbitrary paths, query strings and bodies (JSON with prototype-named keys, odd strings and
// numbers, CSV, forms), sent with API tokens of users who may write (Lai Châu data entry), only read (its leader, and
// a read-only token of its data entry), or nothing there (Kiên Giang data entry), and with a session (no token) of Lai
// Châu's data entry and of a district officer, who reads only their own unit's reports. Properties: never a status ≥ 500; every failure in the API's error shape; and a
// refused request (any 4xx) leaves the data as it was, apart from the audit rows that record refusals.

// the session a request without a token carries (getCurrentUser reads Next's request cookies, which a handler called
// directly has not got); the real session checks have tests of their own (auth-sessions)
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/server/auth/current-user', () => ({
  getCurrentUser: vi.fn(async () => session.user),
  requireUser: vi.fn(),
}));

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');
const BASE = 'http://surgewatch.test';
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

let db: TestDatabase;
const tokens: Record<string, string> = {};
const sessions: Record<string, SessionUser> = {};
const counter = new CaseCounter();
const routes = discoverApiRoutes();
const fields = inputFieldNames();
const arb = arbitraries(fields);

beforeAll(async () => {
  db = await createTestDatabase();
  // Kiên Giang and Lai Châu as the seed stores them, Lai Châu with the demo's reports, and the demo's accounts
  const lc = await referenceProvince(db.prisma, '12');
  await referenceProvince(db.prisma, '91');
  await demoReports(db.prisma, lc, { isoYear: 2026, isoWeek: 47 });
  const accounts = await demoAccounts(db.prisma);
  useAsAppDatabase(db);
  const make = async (user: SessionUser) =>
    (await createApiToken(user, { name: 'fuzz', expiresInDays: null, scope: 'read-write' }))!.token;
  tokens.dataEntryLC = await make(accounts.dataEntryLC);
  tokens.leaderLC = await make(accounts.leaderLC);
  tokens.dataEntryKG = await make(accounts.dataEntryKG);
  tokens.readOnlyLC = (await createApiToken(accounts.dataEntryLC, {
    name: 'fuzz-read',
    expiresInDays: null,
    scope: 'read',
  }))!.token;
  sessions.sessionDataEntryLC = accounts.dataEntryLC;
  sessions.sessionDistrictLC = accounts.districtLC;
}, 120_000);
afterAll(async () => {
  console.log(counter.report('API route fuzz cases'));
  await db?.destroy();
});

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A path segment: by its name, a plausible week or code most of the time; otherwise anything. */
function segment(name: string) {
  const plausible = /week/i.test(name)
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('2026-W48', '2026-W47', '2026-W40', '2026-W10') },
        { weight: 1, arbitrary: fc.constantFrom('2026-W49', '2026-W99', '2026-48') },
      )
    : fc.constantFrom('12', '105', '107', '108', '112', '899', '91', '999');
  return fc.oneof(
    { weight: 8, arbitrary: plausible },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
  );
}

/** A CSV whose header mixes the import's columns with prototype names and random ones, and rows of odd cells. */
const csv = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...IMPORT_COLUMNS.map(([c]) => c)) },
        { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      ),
      { minLength: 1, maxLength: 9 },
    ),
    fc.array(fc.array(arb.text, { maxLength: 9 }), { maxLength: 4 }),
    fc.constantFrom(',', ';'),
  )
  .map(([header, rows, sep]) =>
    [header, ...rows]
      .map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep))
      .join('\r\n'),
  );

const body = fc.oneof(
  {
    weight: 3,
    arbitrary: arb.goodFigures.map((v) => ({ type: 'application/json', body: JSON.stringify(v) as BodyInit })),
  },
  { weight: 3, arbitrary: arb.figures.map((v) => ({ type: 'application/json', body: JSON.stringify(v) as BodyInit })) },
  {
    weight: 3,
    arbitrary: arb.json.map((v) => ({ type: 'application/json', body: JSON.stringify(v) ?? ('null' as BodyInit) })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 60 }).map((s) => ({ type: 'application/json', body: s as BodyInit })),
  },
  { weight: 2, arbitrary: csv.map((s) => ({ type: 'text/csv', body: s as BodyInit })) },
  { weight: 1, arbitrary: arb.formData.map((f) => ({ type: null, body: f as BodyInit })) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => ({ type: 'application/octet-stream', body: b as BodyInit })),
  },
);

async function handlersOf(r: RouteModule): Promise<[string, Handler][]> {
  const mod = (await import(r.file)) as Record<string, unknown>;
  return HTTP_METHODS.filter((m) => typeof mod[m] === 'function').map((m) => [m, mod[m] as Handler]);
}

describe('every /api/v1 route handler, fuzzed', () => {
  it('finds the routes in the file tree', () => {
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining(['/api/v1/reports', '/api/v1/reports/[unitCode]/[isoWeek]']),
    );
  });

  it.each(routes.map((r) => [r.route, r] as const))(
    '%s: never 5xx, and a refused request writes nothing',
    async (_route, r) => {
      const handlers = await handlersOf(r);
      expect(handlers.length).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        const name = `${method} ${r.route}`;
        const hasBody = method !== 'GET' && method !== 'HEAD';
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(
              'dataEntryLC',
              'dataEntryLC',
              'leaderLC',
              'dataEntryKG',
              'readOnlyLC',
              'sessionDataEntryLC',
              'sessionDistrictLC',
            ),
            fc.tuple(...r.segments.map(segment)),
            fc.oneof({ weight: 3, arbitrary: arb.query }, { weight: 1, arbitrary: fc.constant('?confirm=warnings') }),
            hasBody ? body : fc.constant(null),
            async (who, values, query, sent) => {
              const params = Object.fromEntries(r.segments.map((s, i) => [s, values[i]!]));
              let path = r.route;
              for (const [s, v] of Object.entries(params)) path = path.replace(`[${s}]`, encodeURIComponent(v));
              const headers: Record<string, string> = who in tokens ? { authorization: `Bearer ${tokens[who]}` } : {};
              session.user = sessions[who] ?? null;
              if (sent?.type) headers['content-type'] = sent.type;
              const before = await fingerprint(db.sql);
              const res = await handler(
                new Request(`${BASE}${path}${query}`, { method, headers, body: sent?.body ?? null }),
                { params: Promise.resolve(params) },
              );
              counter.record(name, String(res.status));
              expect(res.status, `${name} ${path}${query}`).toBeLessThan(500);
              if (res.status >= 400) {
                expect(await res.json()).toMatchObject({
                  ok: false,
                  message: expect.any(String),
                  fieldErrors: expect.any(Object),
                });
                expect(await fingerprint(db.sql), `${name} answered ${res.status} but changed data`).toBe(before);
              } else {
                await res.arrayBuffer();
                if (method === 'GET' || method === 'HEAD')
                  expect(await fingerprint(db.sql), `${name} is a read but changed data`).toBe(before);
              }
            },
          ),
          { numRuns: RUNS },
        );
        expect(counter.cases(name)).toBeGreaterThanOrEqual(RUNS);
      }
    },
    300_000,
  );
});
