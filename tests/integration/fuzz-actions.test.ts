import fc from 'fast-check';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authSecret } from '@/server/auth/secret';
import { sessionCookieName } from '@/server/auth/session-cookie';
import { DEMO_EMAILS } from '@/server/seed/demo-accounts';
import { demoAccounts, demoReports, referenceProvince } from '../factories';
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from '../support/test-db';
import { arbitraries, CaseCounter, discoverActionModules, fingerprint, inputFieldNames } from './fuzz-support';

// Property-based fuzzing of every server action: every export of every 'use server' module in src/server/actions (Next
// exposes each of them as an endpoint that takes whatever arguments a caller serialises), called with arbitrary
// arguments (JSON-like values with the app's field names, prototype-named keys and malformed values; forms with odd
// fields; a form where an object is expected and the other way round) by signed-in users of every kind of role.
// The session is real: a next-auth token in the session cookie, read by the app's own getCurrentUser. Only Next's
// request storage is stood in for (cookies(), headers(), revalidatePath(), refresh() need a request being served).
// Properties: no exception (a redirect is an answer, not a crash), and a refused call leaves the data as it was, apart
// from the audit rows that record refusals.

const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7', 'user-agent': 'fuzz' }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  refresh: () => undefined,
  updateTag: () => undefined,
}));

const NOW = new Date('2026-11-23T03:00:00Z');
vi.stubEnv('SURGEWATCH_NOW', NOW.toISOString());
vi.stubEnv('DEMO', '1');
vi.stubEnv('NEXTAUTH_SECRET', 'fuzz-secret-fuzz-secret-fuzz-secret-fuzz-secret');
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const USERS = {
  admin: DEMO_EMAILS.admin,
  dataEntryLC: DEMO_EMAILS.dataEntryLC,
  leaderLC: DEMO_EMAILS.leaderLC,
  districtLC: DEMO_EMAILS.districtLC,
  agencyLC: DEMO_EMAILS.agencyLC,
  dataEntryKG: DEMO_EMAILS.dataEntryKG,
} as const;
type Who = keyof typeof USERS;

let db: TestDatabase;
const counter = new CaseCounter();
const fieldsOf = new Map<string, string[]>();
const modules = discoverActionModules();
const arb = arbitraries(inputFieldNames());

beforeAll(async () => {
  db = await createTestDatabase();
  // Kiên Giang and Lai Châu as the seed stores them, Lai Châu with the demo's reports, and the demo's accounts
  const lc = await referenceProvince(db.prisma, '12');
  await referenceProvince(db.prisma, '91');
  await demoReports(db.prisma, lc, { isoYear: 2026, isoWeek: 47 });
  await demoAccounts(db.prisma);
  useAsAppDatabase(db);
}, 120_000);
afterAll(async () => {
  console.log(counter.report('Server action fuzz cases'));
  console.log(
    `fields learnt per action:\n${[...fieldsOf].map(([n, f]) => `  ${n}: ${f.join(', ') || '(none)'}`).join('\n')}`,
  );
  await db?.destroy();
});

/** Signs `who` in for the next call: a fresh session cookie of their current session version, their account active. */
async function signIn(who: Who): Promise<void> {
  const user = await db.prisma.user.update({
    where: { email: USERS[who] },
    data: { active: true },
    select: { id: true, sessionVersion: true },
  });
  const at = NOW.getTime() - 60_000;
  const token = await encode({
    token: { sub: String(user.id), uid: user.id, sv: user.sessionVersion, authAt: at, seen: at },
    secret: authSecret(),
    maxAge: 3600,
  });
  jar.clear();
  jar.set(sessionCookieName(false), token);
}

function isRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT');
}

/** Any argument a caller can serialise: JSON-like values, forms, and nothing at all. */
const argument = fc.oneof(
  { weight: 4, arbitrary: arb.json },
  { weight: 3, arbitrary: arb.formData },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', 'x', 0, [], {}) },
);

/** The input as a form would post it: every value as text, arrays as repeated fields. */
function asForm(input: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) {
    for (const item of Array.isArray(v) ? v : [v])
      form.append(k, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item));
  }
  return form;
}

/**
 * The fields an action takes, learnt by calling it with an empty input as users of several roles: the validation
 * names each missing field. Then whether it reads a form or an object: given every field as text both ways, the one it
 * reads has fewer fields missing. (Nothing is written: these inputs are refused.)
 */
async function probeFields(
  action: (...args: unknown[]) => Promise<unknown>,
  position: number,
): Promise<{ fields: string[]; shape: 'form' | 'object' | 'either' }> {
  const call = async (who: Who, input: unknown) => {
    await signIn(who);
    const args: unknown[] = Array.from({ length: position + 1 }, () => null);
    args[position] = input;
    const result = (await action(...args).catch((e: unknown) => (isRedirect(e) ? null : Promise.reject(e)))) as {
      fieldErrors?: Record<string, string[]>;
    } | null;
    return Object.keys(result?.fieldErrors ?? {});
  };
  const names = new Set<string>();
  for (const who of ['admin', 'dataEntryLC', 'leaderLC'] as const)
    for (const key of await call(who, {})) if (key !== '_') names.add(key.split('.')[0]!);
  const fields = [...names].sort();
  let asObject = 0;
  let asFormData = 0;
  for (const who of ['admin', 'dataEntryLC', 'leaderLC'] as const) {
    const filled = Object.fromEntries(fields.map((f) => [f, 'x']));
    asObject += (await call(who, filled)).filter((k) => names.has(k.split('.')[0]!)).length;
    asFormData += (await call(who, asForm(filled))).filter((k) => names.has(k.split('.')[0]!)).length;
  }
  return { fields, shape: asFormData < asObject ? 'form' : asObject < asFormData ? 'object' : 'either' };
}

describe('every server action, fuzzed', () => {
  it("finds the 'use server' modules", () => {
    expect(modules.map((m) => m.name)).toEqual(
      expect.arrayContaining(['reports', 'activation', 'tasks', 'admin-users']),
    );
  });

  it.each(modules.map((m) => [m.name, m] as const))(
    '%s: no exception, and a refused call writes nothing',
    async (_name, m) => {
      const mod = (await import(m.file)) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(
        (e): e is [string, (...args: unknown[]) => Promise<unknown>] => typeof e[1] === 'function',
      );
      expect(actions.length).toBeGreaterThan(0);
      for (const [exportName, action] of actions) {
        const name = `${m.name}.${exportName}`;
        // the input is the last declared parameter (a form action's first one is the previous state)
        const position = Math.max(action.length - 1, 0);
        const { fields, shape } = await probeFields(action, position);
        const shaped =
          shape === 'form'
            ? arb.inputWith(fields).map(asForm)
            : shape === 'object'
              ? arb.inputWith(fields)
              : fc.oneof(arb.inputWith(fields), arb.inputWith(fields).map(asForm));
        const input =
          fields.length === 0
            ? argument
            : fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 2, arbitrary: argument });
        // the declared parameters, sometimes one more
        const args = fc
          .tuple(
            fc.array(argument, { minLength: position, maxLength: position }),
            input,
            fc.array(argument, { maxLength: 1 }),
          )
          .map(([head, main, tail]) => [...head, main, ...tail]);
        fieldsOf.set(name, [`${shape}:`, ...fields]);
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...(Object.keys(USERS) as Who[])), args, async (who, values) => {
            await signIn(who);
            const before = await fingerprint(db.sql);
            let result: unknown;
            try {
              result = await action(...values);
            } catch (error) {
              if (!isRedirect(error)) {
                counter.record(name, 'threw');
                throw error;
              }
              counter.record(name, 'redirect');
              return;
            }
            const outcome =
              result === undefined || result === null
                ? String(result)
                : (result as { ok?: boolean; code?: string }).ok
                  ? 'ok'
                  : String((result as { code?: string }).code);
            counter.record(name, outcome);
            if (process.env.FUZZ_DEBUG && outcome === 'invalid')
              console.log(
                name,
                JSON.stringify((result as { fieldErrors?: unknown }).fieldErrors),
                JSON.stringify(values, (_k, v) => (v instanceof FormData ? [...v.entries()] : v)).slice(0, 300),
              );
            if (result && typeof result === 'object' && (result as { ok?: unknown }).ok === false) {
              expect(await fingerprint(db.sql), `${name} refused (${outcome}) but changed data`).toBe(before);
            }
          }),
          { numRuns: RUNS },
        );
        expect(counter.cases(name)).toBeGreaterThanOrEqual(RUNS);
      }
    },
    300_000,
  );
});
