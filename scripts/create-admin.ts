// `npm run users:create-admin`: the first administrator of a fresh production database (no demo accounts exist outside
// demo mode). Migrates the database first, then creates one ADMIN account.
//   SURGEWATCH_ADMIN_EMAIL, SURGEWATCH_ADMIN_NAME, SURGEWATCH_ADMIN_PASSWORD   read from the environment when set,
//   otherwise asked for at the prompt (the password without echo). The password is never taken from the command line,
//   where it would stay in the shell history and be visible to other users in the process list.
import { pathToFileURL } from 'node:url';
import readline from 'node:readline';
import nextEnv from '@next/env';
import { z } from 'zod';
import type { PrismaClient } from '../src/generated/prisma/client';
import { hashPassword, passwordProblem } from '../src/server/auth/password';
import { openDatabase } from '../src/server/db/connection';
import { applyMigrations } from '../src/server/db/migrate';
import { dbTargetFromEnv } from '../src/server/db/target';
import { EnvError, now, parseEnv } from '../src/server/env';

const PROBLEMS = {
  tooShort: 'the password needs at least 12 characters',
  tooLong: 'the password can have at most 128 characters',
  common: 'the password is too common',
  repetitive: 'the password is only repeated or consecutive characters',
  containsEmail: 'the password must not contain the mailbox name',
} as const;

export interface AdminInput {
  email: string;
  name: string;
  password: string;
}

/** Checks the input and creates the account; returns an error sentence instead of throwing for bad input. */
export async function createFirstAdmin(
  prisma: PrismaClient,
  raw: AdminInput,
  at: Date,
): Promise<{ ok: true; id: number; admins: number } | { ok: false; error: string }> {
  const email = z.string().trim().toLowerCase().max(254).email().safeParse(raw.email);
  if (!email.success) return { ok: false, error: 'not a valid email address' };
  const name = raw.name.trim() || 'Quản trị hệ thống';
  const problem = passwordProblem(raw.password, { email: email.data });
  if (problem) return { ok: false, error: PROBLEMS[problem] };
  if (await prisma.user.findUnique({ where: { email: email.data }, select: { id: true } })) {
    return { ok: false, error: `an account with ${email.data} already exists (manage it in the app: /admin/users)` };
  }
  const passwordHash = await hashPassword(raw.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: email.data, name, role: 'ADMIN', passwordHash, passwordChangedAt: at },
      select: { id: true, email: true, name: true, role: true },
    });
    // the same row recordAudit writes (src/server/audit/record.ts is server-only, so not importable from a script)
    await tx.auditLog.create({
      data: {
        actorId: null,
        actorLabel: 'system:create-admin',
        action: 'user.created',
        targetType: 'User',
        targetId: String(user.id),
        after: user,
      },
    });
    return { ok: true, id: user.id, admins: await tx.user.count({ where: { role: 'ADMIN', active: true } }) } as const;
  });
}

function ask(rl: readline.Interface, question: string): Promise<string> {
  return new Promise((resolve) => rl.question(question, resolve));
}

/** Reads a line without echoing it when on a terminal; piped input is read as is. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY,
    });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
    process.stdout.write(question);
    output._writeToOutput = (s: string) => {
      if (s.includes('\n') || s.includes('\r')) process.stdout.write('\n');
    };
    rl.question('', (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

async function main(): Promise<number> {
  nextEnv.loadEnvConfig(process.cwd(), false);
  let appEnv;
  try {
    appEnv = parseEnv();
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : String(error));
    return 1;
  }
  const interactive = !process.env.SURGEWATCH_ADMIN_PASSWORD;
  let {
    SURGEWATCH_ADMIN_EMAIL: email = '',
    SURGEWATCH_ADMIN_NAME: name = '',
    SURGEWATCH_ADMIN_PASSWORD: password = '',
  } = process.env;
  if (!email || !name) {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    if (!email) email = await ask(rl, 'Email of the administrator: ');
    if (!name) name = await ask(rl, 'Name (e.g. Quản trị hệ thống Sở Y tế): ');
    rl.close();
  }
  if (interactive) {
    password = await askHidden('Password (at least 12 characters, not shown): ');
    const again = await askHidden('Password again: ');
    if (again !== password) {
      console.error('The two passwords differ; nothing was created.');
      return 1;
    }
  }
  const database = await openDatabase(dbTargetFromEnv());
  try {
    const migrated = await applyMigrations(database.sql);
    if (migrated.applied.length) console.log(`Applied migrations: ${migrated.applied.join(', ')}`);
    const result = await createFirstAdmin(database.prisma, { email, name, password }, now());
    if (!result.ok) {
      console.error(`Not created: ${result.error}.`);
      return 1;
    }
    console.log(
      `Created administrator ${email.trim().toLowerCase()} (id ${result.id}); active administrators now: ${result.admins}.`,
    );
    if (appEnv.demo) console.log('Note: this database is in demo mode (no DATABASE_URL, or DEMO=1).');
    return 0;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
