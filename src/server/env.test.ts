import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

const SECRET = 'x'.repeat(40);

describe('parseEnv', () => {
  it('turns demo mode on with the embedded database when DATABASE_URL is unset', () => {
    expect(parseEnv({})).toMatchObject({ databaseUrl: undefined, demo: true, dataDir: 'data', port: 3000 });
  });

  it('runs on PostgreSQL outside demo mode with a secret, and DEMO=1 turns demo mode on there too', () => {
    const url = 'postgresql://u:p@127.0.0.1:5432/db';
    expect(parseEnv({ DATABASE_URL: url, NEXTAUTH_SECRET: SECRET })).toMatchObject({ databaseUrl: url, demo: false });
    expect(parseEnv({ DATABASE_URL: url, DEMO: '1' })).toMatchObject({ demo: true });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgresql://u@h/db' }, 'NEXTAUTH_SECRET'],
    [{ DATABASE_URL: 'postgresql://u@h/db', NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DEMO: 'maybe' }, 'DEMO'],
    [{ NEXTAUTH_URL: 'not a url' }, 'NEXTAUTH_URL'],
    [{ SURGEWATCH_NOW: 'yesterday' }, 'SURGEWATCH_NOW'],
    [{ TRUSTED_PROXIES: 'proxy.internal' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.256' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.0/8/1' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: 'fd00::/129' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.1, *' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '[::1]' }, 'TRUSTED_PROXIES'],
  ])('refuses %j with one line naming %s', (source, variable) => {
    let error: unknown;
    try {
      parseEnv(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).variable).toBe(variable);
    expect((error as EnvError).message).toMatch(new RegExp(`^SurgeWatch cannot start: ${variable} `));
    expect((error as EnvError).message).not.toContain('\n');
  });

  it('reads TRUSTED_PROXIES as addresses and CIDR ranges, empty by default', () => {
    expect(parseEnv({}).trustedProxies).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: '' }).trustedProxies).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: ' 10.0.0.5 , 10.1.0.0/16,fd00::/8, ::1' }).trustedProxies).toEqual([
      { address: '10.0.0.5', prefix: 32, family: 'ipv4' },
      { address: '10.1.0.0', prefix: 16, family: 'ipv4' },
      { address: 'fd00::', prefix: 8, family: 'ipv6' },
      { address: '::1', prefix: 128, family: 'ipv6' },
    ]);
  });
});
