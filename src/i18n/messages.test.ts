import { describe, expect, it } from 'vitest';
import { MESSAGES } from './config';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface messages', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(keys(MESSAGES.en).sort()).toEqual(keys(MESSAGES.vi).sort());
  });
  it('has no empty message', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const key of keys(MESSAGES[locale])) {
        const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], MESSAGES[locale]);
        expect(typeof value === 'string' && value.trim().length > 0, `${locale}:${key}`).toBe(true);
      }
    }
  });
});
