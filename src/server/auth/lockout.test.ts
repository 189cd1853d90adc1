import { describe, expect, it } from 'vitest';
import {
  accountDelayMs,
  accountWaitUntil,
  clientDelayMs,
  clientWaitUntil,
  FAILURE_WINDOW_MS,
  LOCK_MS,
  lockedUntil,
  strictest,
  throttleClient,
} from './lockout';

const T0 = Date.parse('2026-11-23T03:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000);
const fail = (m: number) => ({ at: min(m), success: false });
const ok = (m: number) => ({ at: min(m), success: true });

describe('lockedUntil (one client at one address)', () => {
  it('four failures do not lock', () => {
    expect(lockedUntil([fail(0), fail(1), fail(2), fail(3)], min(4))).toBeNull();
  });

  it('the fifth failure within 15 minutes locks for 15 minutes from that failure', () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), fail(10)];
    expect(lockedUntil(attempts, min(10))).toEqual(min(25));
    expect(lockedUntil(attempts, min(24.99))).toEqual(min(25));
    expect(lockedUntil(attempts, min(25))).toBeNull();
  });

  it('five failures spread over more than 15 minutes do not lock', () => {
    expect(lockedUntil([fail(0), fail(4), fail(8), fail(12), fail(15)], min(15))).toBeNull();
    expect(FAILURE_WINDOW_MS).toBe(15 * 60_000);
  });

  it('five failures at the same instant lock (a frozen clock in tests)', () => {
    expect(lockedUntil([fail(0), fail(0), fail(0), fail(0), fail(0)], min(0))).toEqual(new Date(T0 + LOCK_MS));
  });

  it('a successful sign-in clears the count', () => {
    expect(lockedUntil([fail(0), fail(1), fail(2), fail(3), ok(4), fail(5)], min(5))).toBeNull();
  });

  it('after the lock ends the count starts again', () => {
    const attempts = [fail(0), fail(0), fail(0), fail(0), fail(0), fail(16)];
    expect(lockedUntil(attempts, min(16))).toBeNull();
  });

  it('ignores attempts dated after the moment asked about, in any order', () => {
    expect(lockedUntil([fail(9), fail(1), fail(3), fail(2), fail(20)], min(10))).toBeNull();
    expect(lockedUntil([fail(9), fail(1), fail(3), fail(2), fail(4)], min(10))).toEqual(min(24));
  });
});

const sec = (s: number) => new Date(T0 + s * 1000);
const failFrom = (ip: string | null, s: number) => ({ at: sec(s), success: false, ip });
const okFrom = (ip: string | null, s: number) => ({ at: sec(s), success: true, ip });

describe('the growing delays', () => {
  it.each([
    [0, 0],
    [9, 0],
    [10, 5_000],
    [11, 10_000],
    [12, 20_000],
    [14, 80_000],
    [17, 640_000],
    [18, 900_000],
    [40, 900_000],
    [10_000, 900_000],
  ])('a client that failed at %i addresses waits %i ms', (failures, ms) => {
    expect(clientDelayMs(failures)).toBe(ms);
  });

  it.each([
    [1, 0],
    [2, 0],
    [3, 5_000],
    [4, 10_000],
    [5, 20_000],
    [7, 80_000],
    [8, 160_000],
    [9, 300_000],
    [500, 300_000],
  ])('an address failed from %i clients waits %i ms', (clients, ms) => {
    expect(accountDelayMs(clients)).toBe(ms);
  });
});

describe('clientWaitUntil (one client, any addresses)', () => {
  const failures = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ at: sec(i), success: false, email: `user${i}@example.vn` }));

  it('counts addresses, not failures: forty failures at three addresses slow nothing (rule 1 locks those pairs)', () => {
    const repeated = Array.from({ length: 40 }, (_, i) => ({
      at: sec(i),
      success: false,
      email: `user${i % 3}@example.vn`,
    }));
    expect(clientWaitUntil(repeated, sec(40))).toBeNull();
  });

  it('ten addresses are free; the tenth makes the next attempt wait 5 s after it', () => {
    expect(clientWaitUntil(failures(9), sec(9))).toBeNull();
    expect(clientWaitUntil(failures(10), sec(10))).toEqual(sec(9 + 5));
    expect(clientWaitUntil(failures(10), sec(14))).toBeNull();
  });

  it('each further failure doubles the wait', () => {
    expect(clientWaitUntil(failures(12), sec(12))).toEqual(sec(11 + 20));
  });

  it('failures older than 15 minutes no longer count', () => {
    const old = failures(10).map((a) => ({ ...a, at: new Date(a.at.getTime() - FAILURE_WINDOW_MS) }));
    expect(clientWaitUntil(old, sec(1))).toBeNull();
  });
});

describe('accountWaitUntil (one address, many clients)', () => {
  it('one client, however many failures, imposes nothing on the address', () => {
    expect(
      accountWaitUntil(
        Array.from({ length: 40 }, (_, i) => failFrom('198.51.100.1', i)),
        sec(40),
      ),
    ).toBeNull();
  });

  it('failures from three clients make everyone wait 5 s after the last, then doubling per client', () => {
    const three = [failFrom('198.51.100.1', 0), failFrom('198.51.100.2', 1), failFrom('198.51.100.3', 2)];
    expect(accountWaitUntil(three.slice(0, 2), sec(2))).toBeNull();
    expect(accountWaitUntil(three, sec(2))).toEqual(sec(7));
    expect(accountWaitUntil([...three, failFrom('198.51.100.4', 8)], sec(8))).toEqual(sec(18));
  });

  it('a successful sign-in on the address clears the count; unknown clients count as one', () => {
    const attempts = [
      failFrom('198.51.100.1', 0),
      failFrom('198.51.100.2', 1),
      okFrom('203.0.113.5', 2),
      failFrom('198.51.100.3', 3),
    ];
    expect(accountWaitUntil(attempts, sec(3))).toBeNull();
    expect(accountWaitUntil([failFrom(null, 0), failFrom(null, 1), failFrom(null, 2)], sec(2))).toBeNull();
  });
});

describe('strictest', () => {
  it('takes the longest wait in force, in whole seconds rounded up', () => {
    expect(
      strictest(
        [
          ['client', sec(3)],
          ['account', sec(10.2)],
          ['client-account', null],
        ],
        sec(0),
      ),
    ).toEqual({ rule: 'account', until: sec(10.2), retryAfterSeconds: 11 });
    expect(strictest([['client', sec(3)]], sec(3))).toBeNull();
  });
});

describe('throttleClient: who counts as one client', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0000:0000:0000:0001', '2001:db8:1:2::/64'],
    ['[2001:db8:1:2::1]', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['2001:DB8:1:2::FFFF', '2001:db8:1:2::/64'],
  ])('%s counts as %s', (ip, client) => {
    expect(throttleClient(ip)).toBe(client);
  });

  it('addresses rotated inside one /64 are one client; another /64 is another', () => {
    expect(throttleClient('2001:db8:1:2::1')).toBe(throttleClient('2001:db8:1:2:ffff::9'));
    expect(throttleClient('2001:db8:1:3::1')).not.toBe(throttleClient('2001:db8:1:2::1'));
  });

  it('no address is no client', () => {
    expect(throttleClient(null)).toBeNull();
    expect(throttleClient('')).toBeNull();
  });
});
