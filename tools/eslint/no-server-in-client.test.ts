import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from './no-server-in-client.mjs';

// The boundary rule on the import forms a 'use client' file can take: values, types, re-exports, dynamic imports.

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});
const client = (code: string) => `'use client';\n${code}`;

tester.run('no-server-in-client', rule, {
  valid: [
    // server actions are references in the browser bundle
    client("import { saveWeek } from '@/server/actions/reports';"),
    client("import type { SaveWeekData } from '@/lib/contracts/reports';"),
    client("import { can } from '@/lib/permissions';"),
    // only 'use client' files are concerned; a directive elsewhere than at the top is not one
    "import { db } from '@/server/db';",
    "import type { EntryUnit } from '@/server/reports/queries';",
    "function f() { 'use client'; }\nimport { db } from '@/server/db';",
    client("import { x } from '@/serverless/thing';"),
    client('const m = await import(name);'),
  ],
  invalid: [
    { code: client("import { db } from '@/server/db';"), errors: [{ messageId: 'server' }] },
    { code: client("import '@/server';"), errors: [{ messageId: 'server' }] },
    { code: client("import type { EntryUnit } from '@/server/reports/queries';"), errors: [{ messageId: 'server' }] },
    { code: client("import { type TokenView } from '@/server/tokens/api-tokens';"), errors: [{ messageId: 'server' }] },
    { code: client("import type { Result } from '@/server/actions/reports';"), errors: [{ messageId: 'type' }] },
    {
      code: client("import { saveWeek, type Result } from '@/server/actions/reports';"),
      errors: [{ messageId: 'type' }],
    },
    { code: client("export { db } from '@/server/db';"), errors: [{ messageId: 'server' }] },
    { code: client("export type { Result } from '@/server/actions/reports';"), errors: [{ messageId: 'type' }] },
    { code: client("export * from '@/server/db';"), errors: [{ messageId: 'server' }] },
    { code: client("const m = await import('@/server/db');"), errors: [{ messageId: 'server' }] },
  ],
});
