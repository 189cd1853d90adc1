import { describe, expect, it } from 'vitest';
import { FAILURE_WINDOW_MS, LOCK_MS, lockedUntil } from './lockout';

const T0 = Date.parse('2026-11-23T03:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000);
const fail = (m: number) => ({ at: min(m), success: false });
const ok = (m: number) => ({ at: min(m), success: true });

describe('lockedUntil', () => {
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
