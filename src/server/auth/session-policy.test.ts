import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  REFRESH_AFTER_MS,
  remainingSeconds,
  sessionState,
} from './session-policy';

const T = Date.parse('2026-11-23T03:00:00Z');
const claims = (authAgo: number, seenAgo: number) => ({ uid: 1, sv: 1, authAt: T - authAgo, seen: T - seenAgo });

describe('sessionState', () => {
  it.each([
    ['no token', null, 'none'],
    ['a token without a user', {}, 'none'],
    ['a token without timing claims', { uid: 1, sv: 1 }, 'expired'],
    ['just signed in', claims(0, 0), 'active'],
    ['seen 59 s ago', claims(REFRESH_AFTER_MS - 1000, REFRESH_AFTER_MS - 1000), 'active'],
    ['seen a minute ago', claims(REFRESH_AFTER_MS, REFRESH_AFTER_MS), 'refresh'],
    ['seen 29 min 59 s ago', claims(IDLE_TIMEOUT_MS - 1000, IDLE_TIMEOUT_MS - 1000), 'refresh'],
    ['idle for 30 minutes', claims(IDLE_TIMEOUT_MS, IDLE_TIMEOUT_MS), 'idle'],
    ['active all day, 12 h after sign-in', claims(ABSOLUTE_TIMEOUT_MS, 0), 'expired'],
    ['active, 11 h 59 min after sign-in', claims(ABSOLUTE_TIMEOUT_MS - 60_000, 0), 'active'],
  ] as const)('%s → %s', (_name, c, expected) => {
    expect(sessionState(c, T)).toBe(expected);
  });

  it('re-issues the cookie with only what is left of the 12 hours', () => {
    expect(remainingSeconds(claims(ABSOLUTE_TIMEOUT_MS - 90_000, 0), T)).toBe(90);
    expect(remainingSeconds(claims(ABSOLUTE_TIMEOUT_MS + 1, 0), T)).toBe(0);
  });
});
