import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Sql } from '@/server/db/sql';
import { FIGURE_FIELDS } from '@/lib/validations/figures';

// Shared by the fuzz tests of the API routes and the server actions: what to call (found in the source tree, so a
// route or action added later is fuzzed without touching the tests), what to send (arbitrary input shaped like the app's
// own: its field names, codes and weeks, with prototype-named keys and malformed values mixed in), and a fingerprint of
// the data that a refused request must leave exactly as it was.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

/** Keys that find Object.prototype's members when looked up in a plain object. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__lookupGetter__',
  'toLocaleString',
] as const;

/** Values the outside test saw answered with 500, and more of their kind. */
export const MALFORMED_VALUES: readonly unknown[] = [
  '5,',
  '+0',
  '-0',
  false,
  true,
  '1e-2',
  '1e3',
  '1 000',
  '1.000',
  '1,000.5',
  '$5',
  '5$',
  '0x10',
  'Infinity',
  'NaN',
  '-1',
  ' ',
  '',
  '١٢',
  '５',
  '1_000',
  '12,5',
  '12.5',
  '6,25',
  '.5',
  ',5',
  '5.',
  '00',
  '9999999999',
  '10000001',
  1e21,
  -0,
  0.1 + 0.2,
  2.5,
  -1,
  10_000_001,
  Number.MAX_SAFE_INTEGER,
  null,
  [],
  {},
  [1],
  { value: 5 },
  'null',
  'undefined',
  'true',
  '<script>',
  '\u0000',
  '\n',
  '2026-W48',
  '12',
  '108',
];

/** Codes, weeks, ids and dates of the demo data, so that some cases get past the first checks. */
const PLAUSIBLE: readonly unknown[] = [
  '12',
  '91',
  '70',
  '35',
  '105',
  '106',
  '107',
  '108',
  '112',
  '899',
  '2026-W48',
  '2026-W47',
  '2026-W40',
  '2026-W10',
  '2026-W49',
  '2027-W01',
  '2026-12-01',
  '2026-11-23',
  1,
  2,
  3,
  5,
  8,
  13,
  21,
  40,
  100,
  '1',
  '2',
  '3',
  0,
  'true',
  'false',
  'on',
  'vi',
  'en',
  'GT',
  'GTE',
  'LT',
  'LTE',
  'ANY',
  'ALL',
  'EPIDEMIC_AND_CAPACITY',
  'PROVINCIAL_DATA_ENTRY',
  'ADMIN',
  'LOCAL_OFFICER',
  'read',
  'read-write',
  'csv',
  'xlsx',
  'warnings',
  'default',
  'Lý do đủ dài để ghi',
  'fuzz@demo.surgewatch.vn',
  'mật khẩu đủ dài cho phép thử',
  'surgewatch-demo',
  30,
  90,
  365,
  450,
  32.5,
];

/**
 * The field names of the app's input schemas, read from the source (object keys in the validation modules, the
 * activation schemas and the action modules), plus the figures: a fuzzed object uses them as often as random names.
 */
export function inputFieldNames(): string[] {
  const files = [
    ...listFiles(path.join(SRC, 'lib/validations')),
    ...listFiles(path.join(SRC, 'server/actions')),
    ...listFiles(path.join(SRC, 'server/activation')),
    path.join(SRC, 'server/reports/api.ts'),
  ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const names = new Set<string>(FIGURE_FIELDS);
  for (const f of files)
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/^\s+([a-zA-Z_]\w*)\s*:\s*(?:z\b|[a-zA-Z_]\w*\b)/gm))
      names.add(m[1]!);
  return [...names].sort();
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export interface RouteModule {
  /** the URL path with its dynamic segments as [name] */
  route: string;
  file: string;
  segments: string[];
}

/** Every route handler under src/app/api/v1, from the file tree. */
export function discoverApiRoutes(): RouteModule[] {
  const base = path.join(SRC, 'app');
  return listFiles(path.join(base, 'api/v1'))
    .filter((f) => path.basename(f) === 'route.ts')
    .sort()
    .map((file) => {
      const route = '/' + path.relative(base, path.dirname(file)).split(path.sep).join('/');
      return { route, file, segments: [...route.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!) };
    });
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Every module of src/server/actions whose first statement is 'use server': Next exposes all their exports as actions. */
export function discoverActionModules(): { name: string; file: string }[] {
  const dir = path.join(SRC, 'server/actions');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => ({ name: f.replace(/\.ts$/, ''), file: path.join(dir, f) }))
    .filter(({ file }) =>
      /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/.test(fs.readFileSync(file, 'utf8')),
    );
}

// ---- arbitraries ------------------------------------------------------------------------------------------------

export function arbitraries(fieldNames: readonly string[]) {
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...fieldNames) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const leaf = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_VALUES) },
    { weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  );
  /** JSON-shaped values whose objects use the app's field names, prototype names and random ones */
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array')),
    object: fc.array(fc.tuple(key, tie('node')), { maxLength: 8 }).map((entries) => Object.fromEntries(entries)),
    array: fc.array(tie('node'), { maxLength: 4 }),
  })).node;
  const object = fc.array(fc.tuple(key, value), { maxLength: 10 }).map((entries) => Object.fromEntries(entries));
  /** a cell as typed, pasted or posted: valid figures in every notation, and the malformed ones */
  const cell = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_VALUES) },
    {
      weight: 6,
      arbitrary: fc.oneof(
        fc.nat({ max: 2000 }),
        fc.nat({ max: 2000 }).map(String),
        fc
          .tuple(fc.nat({ max: 5000 }), fc.constantFrom('.', ','))
          .map(([n, sep]) => (n / 100).toFixed(2).replace('.', sep)),
      ),
    },
    { weight: 2, arbitrary: fc.constant(null) },
  );
  /** a weekly report as the API and the grid send it: the figures and a version, sometimes one extra key */
  const figures = fc
    .tuple(
      fc.record(Object.fromEntries(FIGURE_FIELDS.map((f) => [f, cell])) as Record<string, typeof cell>, {
        requiredKeys: [],
      }),
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(0, 1, 2) },
        { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_VALUES) },
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), key), value) },
      ),
    )
    .map(([f, version, extra]) => {
      const entries: [string, unknown][] = [...Object.entries(f), ['version', version]];
      if (extra) entries.push(extra);
      return Object.fromEntries(entries);
    });
  /** figures that pass the checks (the save's later stages: conflicts, warnings, writes) */
  const goodFigures = fc
    .tuple(
      fc.nat({ max: 400 }),
      fc.nat({ max: 3000 }),
      fc.nat({ max: 200 }),
      fc.nat({ max: 200 }),
      fc.constantFrom(0, 1, 2),
    )
    .map(([newCases, oxygen, free, icu, version]) => ({
      newCases,
      oxygenAvg7d: (oxygen / 100).toFixed(2).replace('.', ','),
      freeCovidBeds: free,
      staffedIcuBeds: icu,
      totalCovidBeds: free + 50,
      version,
    }));
  const code = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('12', '105', '107', '108', '112', '91', '899') },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_VALUES) },
  );
  /** the grid's save: a province, a week, rows of figures with their unit and version */
  const withRows = fc
    .tuple(
      fc.record(
        {
          provinceCode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('12', '91') }, { weight: 1, arbitrary: code }),
          isoWeek: fc.constantFrom('2026-W48', '2026-W47', '2026-W10', '2026-W49', 'x'),
          confirmWarnings: fc.oneof(fc.boolean(), fc.constantFrom(...MALFORMED_VALUES)),
        },
        { requiredKeys: ['provinceCode', 'isoWeek'] },
      ),
      fc.array(
        fc
          .tuple(code, fc.oneof({ weight: 3, arbitrary: goodFigures }, { weight: 1, arbitrary: figures }))
          .map(([unitCode, f]) => ({ unitCode, ...f })),
        { minLength: 1, maxLength: 3 },
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), key), value) },
      ),
    )
    .map(([top, rows, extra]) =>
      Object.fromEntries([...Object.entries(top), ['rows', rows], ...(extra ? [extra] : [])]),
    );
  const json = fc.oneof(
    { weight: 4, arbitrary: object },
    { weight: 4, arbitrary: figures },
    { weight: 2, arbitrary: withRows },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: value },
  );
  const text = fc.oneof(
    fc.constantFrom(...MALFORMED_VALUES.filter((v): v is string => typeof v === 'string')),
    fc.constantFrom(...PLAUSIBLE.map(String)),
    fc.string({ maxLength: 30 }),
  );
  /** form fields: the app's names, prototype names, React's own $ACTION_ fields, repeated names */
  const formEntries = fc.array(
    fc.tuple(
      fc.oneof(key, fc.constant('$ACTION_ID_x')),
      fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: fc.constant(new Blob(['x'])) }),
    ),
    { maxLength: 12 },
  );
  const formData = formEntries.map((entries) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    return form;
  });
  const query = fc
    .array(
      fc.tuple(
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc.constantFrom(...fieldNames, 'province', 'from', 'to', 'week', 'format', 'confirm'),
          },
          { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
          { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
        ),
        text,
      ),
      { maxLength: 6 },
    )
    .map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v);
      const s = params.toString();
      return s ? `?${s}` : '';
    });
  /** A value for a field, chosen by its name most of the time (ids, codes, weeks, dates, flags...), else anything. */
  const forField = (name: string): fc.Arbitrary<unknown> => {
    const plausible = plausibleFor(name, { figures, withRows, text });
    return fc.oneof(
      { weight: 5, arbitrary: plausible },
      { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_VALUES) },
      { weight: 1, arbitrary: leaf },
    );
  };
  /**
   * An input with the given fields (the ones an action said were missing when called with nothing), each dropped now
   * and then, and now and then an extra key: a prototype name, another field of the app, a random one.
   */
  const inputWith = (names: readonly string[]) =>
    fc
      .tuple(
        fc.tuple(
          ...names.map((n) =>
            fc.oneof(
              { weight: 9, arbitrary: forField(n).map((v) => [n, v] as [string, unknown]) },
              { weight: 1, arbitrary: fc.constant(null) },
            ),
          ),
        ),
        fc
          .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), key), value), { maxLength: 2 })
          .chain((extra) =>
            fc.oneof(
              { weight: 3, arbitrary: fc.constant([] as [string, unknown][]) },
              { weight: 1, arbitrary: fc.constant(extra) },
            ),
          ),
      )
      .map(([own, extra]) => Object.fromEntries([...own.filter((e): e is [string, unknown] => e !== null), ...extra]));
  return {
    key,
    leaf,
    value,
    object,
    cell,
    figures,
    goodFigures,
    withRows,
    json,
    text,
    formData,
    query,
    forField,
    inputWith,
  };
}

/** Plausible values per kind of field name: the only place where the fuzzers know anything about the app's inputs. */
function plausibleFor(
  name: string,
  arbs: { figures: fc.Arbitrary<unknown>; withRows: fc.Arbitrary<Record<string, unknown>>; text: fc.Arbitrary<string> },
): fc.Arbitrary<unknown> {
  const n = name.toLowerCase();
  const ids = fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }).map(String));
  if (n === 'rows') return arbs.withRows.map((w) => w.rows);
  if (n === 'id' || n.endsWith('id')) return ids;
  if (n.includes('version'))
    return fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }).map(String));
  if (n === 'provincecode' || n === 'target' || n === 'province')
    return fc.constantFrom('12', '91', '70', '35', 'default', '');
  if (n.includes('unitcode')) return fc.constantFrom('12', '105', '107', '108', '112', '899');
  if (n.includes('week')) return fc.constantFrom('2026-W48', '2026-W47', '2026-W10', '2026-W49');
  if (n.includes('date') || n.includes('from') || n === 'to')
    return fc.constantFrom('2026-12-01', '2026-11-23', '2027-01-04', '2026-02-31', '');
  if (n.includes('year')) return fc.constantFrom(2026, 2027, '2027', '1989');
  if (n.includes('population')) return fc.constantFrom('12000', '1.234.567', '1 234 567', '0', '250000000');
  if (n.includes('comparator')) return fc.constantFrom('GT', 'GTE', 'LT', 'LTE');
  if (n.includes('threshold')) return fc.constantFrom('450', '32,5', '10', '4.5', '-1');
  if (n === 'rule') return fc.constantFrom('EPIDEMIC_AND_CAPACITY', 'ANY', 'ALL');
  if (n === 'role')
    return fc.constantFrom(
      'ADMIN',
      'NATIONAL_LEADER',
      'PROVINCIAL_DATA_ENTRY',
      'PROVINCIAL_LEADER',
      'LOCAL_OFFICER',
      'AGENCY_OFFICER',
    );
  if (n.includes('email'))
    return fc.constantFrom('fuzz.new@demo.surgewatch.vn', 'nhaplieu.lc@demo.surgewatch.vn', 'not-an-email');
  if (n.includes('password') || n === 'current' || n === 'confirm')
    return fc.constantFrom('surgewatch-demo', 'một mật khẩu đủ dài 2026', 'short', '');
  if (['done', 'active', 'approximate', 'confirmwarnings'].includes(n))
    return fc.constantFrom(true, false, 'true', 'false', 'on');
  if (n.includes('expires')) return fc.constantFrom(30, 90, 365, null);
  if (n === 'scope') return fc.constantFrom('read', 'read-write');
  if (n === 'locale') return fc.constantFrom('vi', 'en');
  if (FIGURE_FIELDS.includes(name as (typeof FIGURE_FIELDS)[number]))
    return arbs.figures.map((f) => (f as Record<string, unknown>)[name] ?? null);
  return fc.oneof(
    fc.constantFrom('Lý do đủ dài để ghi lại', 'Tên thử', 'Ghi chú', 'Quyết định 123/QĐ-UBND'),
    arbs.text,
  );
}

// ---- what a refused request must not change ---------------------------------------------------------------------

/** Audit rows that record a refusal or a failed attempt: written on purpose when a request is refused. */
export const REFUSAL_AUDIT_ACTIONS = [
  'permission.denied',
  'account.password-change-failed',
  'auth.locked',
  'auth.sign-in-locked',
];

/**
 * The state a refused request must leave as it was: every table's row count and the version-like columns that any
 * change moves, and the audit log without its refusal rows. (Sign-in attempts are counted apart: a wrong current
 * password on the password form is a failed sign-in on purpose.) One query, a few milliseconds.
 */
export async function fingerprint(sql: Sql): Promise<string> {
  const refusals = REFUSAL_AUDIT_ACTIONS.map((a) => `'${a}'`).join(',');
  const [row] = await sql.query<Record<string, string>>(`SELECT
    (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max("updatedAt")::text, '') FROM "WeeklyReport") AS reports,
    (SELECT count(*) || ':' || coalesce(max(id), 0) FROM "AuditLog" WHERE action NOT IN (${refusals})) AS audit,
    (SELECT md5(coalesce(string_agg(concat_ws('|', id, email, name, "passwordHash", role, "provinceCode", "unitId", "agencyId", active, "sessionVersion"), ',' ORDER BY id), '')) FROM "User") AS users,
    (SELECT count(*) || ':' || count("revokedAt") FROM "ApiToken") AS tokens,
    (SELECT count(*) || ':' || count(*) FILTER (WHERE status = 'OPEN') || ':' || count("stoodDownAt") FROM "Activation") AS activations,
    (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || count(*) FILTER (WHERE status = 'DONE') FROM "ActivationTask") AS tasks,
    (SELECT count(*) FROM "Plan") || ':' || (SELECT count(*) FROM "PlanVersion") AS plans,
    (SELECT count(*) || ':' || coalesce(sum(population), 0) || ':' || coalesce(max("updatedAt")::text, '') FROM "UnitPopulation") AS populations,
    (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM "DataVersion") AS data_versions`);
  return JSON.stringify(row);
}

/** Cases run per route or action, printed at the end for the closing note. */
export class CaseCounter {
  private readonly counts = new Map<string, { cases: number; byOutcome: Map<string, number> }>();

  record(name: string, outcome: string): void {
    const c = this.counts.get(name) ?? this.counts.set(name, { cases: 0, byOutcome: new Map() }).get(name)!;
    c.cases++;
    c.byOutcome.set(outcome, (c.byOutcome.get(outcome) ?? 0) + 1);
  }

  cases(name: string): number {
    return this.counts.get(name)?.cases ?? 0;
  }

  report(title: string): string {
    const lines = [...this.counts].map(
      ([name, c]) =>
        `  ${name}: ${c.cases} cases (${[...c.byOutcome]
          .sort()
          .map(([o, n]) => `${o} × ${n}`)
          .join(', ')})`,
    );
    const total = [...this.counts.values()].reduce((s, c) => s + c.cases, 0);
    return `${title}: ${total} cases\n${lines.join('\n')}`;
  }
}
