import { z } from 'zod';

// Validated once at start-up (scripts/start.ts and instrumentation.ts). A bad value stops the app with ONE line naming
// the variable. Only server code imports this module.

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: 'must be a postgresql:// URL, or be left unset to use the embedded database',
    }),
  DEMO: flag,
  DATA_DIR: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || v.length >= 32, { message: 'must be at least 32 characters' }),
  NEXTAUTH_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || URL.canParse(v), { message: 'must be a full URL such as http://localhost:3000' }),
  PORT: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536), {
      message: 'must be a port number between 1 and 65535',
    }),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const bad = v === undefined ? null : trustedProxyError(v);
      if (bad) ctx.addIssue({ code: 'custom', message: bad });
    }),
  SURGEWATCH_NOW: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), { message: 'must be an ISO date-time' }),
});

export interface AppEnv {
  databaseUrl: string | undefined;
  /** demo mode: the embedded default (no DATABASE_URL) or DEMO=1 */
  demo: boolean;
  dataDir: string;
  authSecret: string | undefined;
  authUrl: string | undefined;
  port: number;
  /** a fixed clock for demos and tests */
  now: Date | undefined;
  /** reverse proxies whose X-Forwarded-* headers are believed (docs/adr/0009-proxies-and-sign-in-throttling.md) */
  trustedProxies: TrustedProxy[];
}

export interface TrustedProxy {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function familyOf(address: string): 'ipv4' | 'ipv6' | null {
  if (IPV4.test(address)) return 'ipv4';
  // the URL parser validates IPv6 literals exactly (no node:net here: the proxy imports this module too)
  return address.includes(':') && /^[0-9a-f:.]+$/i.test(address) && URL.canParse(`http://[${address}]/`)
    ? 'ipv6'
    : null;
}

/** `TRUSTED_PROXIES`: comma-separated addresses or CIDR ranges (`10.0.0.5, 10.1.0.0/16, fd00::/8`); empty by default. */
export function parseTrustedProxies(value: string | undefined): TrustedProxy[] {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    const [address = '', prefixText, extra] = entry.split('/');
    const family = familyOf(address);
    const max = family === 'ipv4' ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!family || extra !== undefined || !(prefix >= 0 && prefix <= max)) throw new Error(entry);
    return { address, prefix, family };
  });
}

function trustedProxyError(value: string): string | null {
  try {
    parseTrustedProxies(value);
    return null;
  } catch (error) {
    return `has "${(error as Error).message}", which is not an IP address or CIDR range (write e.g. 10.0.0.5,10.1.0.0/16,fd00::/8)`;
  }
}

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`SurgeWatch cannot start: ${variable} ${detail}.`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const e = parsed.data;
  const demo = e.DATABASE_URL === undefined || e.DEMO;
  if (!demo && e.NEXTAUTH_SECRET === undefined) {
    throw new EnvError('NEXTAUTH_SECRET', 'is required outside demo mode (generate one with: openssl rand -base64 48)');
  }
  return {
    databaseUrl: e.DATABASE_URL,
    demo,
    dataDir: e.DATA_DIR ?? 'data',
    authSecret: e.NEXTAUTH_SECRET,
    authUrl: e.NEXTAUTH_URL,
    port: e.PORT ? Number(e.PORT) : 3000,
    now: e.SURGEWATCH_NOW ? new Date(e.SURGEWATCH_NOW) : undefined,
    trustedProxies: parseTrustedProxies(e.TRUSTED_PROXIES),
  };
}

let cached: AppEnv | undefined;
export function env(): AppEnv {
  cached ??= parseEnv();
  return cached;
}

/** The app's clock: SURGEWATCH_NOW when set (demos, tests), else the real time. */
export function now(): Date {
  // Read directly rather than through env(): code that only needs the clock (audit rows, the seed, tests) must not
  // depend on the rest of the environment being complete. The value itself is validated at start-up by parseEnv.
  const fixed = process.env.SURGEWATCH_NOW;
  return fixed ? new Date(fixed) : new Date();
}
