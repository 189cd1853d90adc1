import { describe, expect, it } from 'vitest';
import { lruGet, lruSet } from './lru';

describe('lru', () => {
  it('drops the least recently used entry beyond the limit, a read counting as a use', () => {
    const map = new Map<string, number>();
    lruSet(map, 'a', 1, 2);
    lruSet(map, 'b', 2, 2);
    expect(lruGet(map, 'a')).toBe(1); // 'b' is now the least recently used
    lruSet(map, 'c', 3, 2);
    expect([...map.keys()]).toEqual(['a', 'c']);
    expect(lruGet(map, 'b')).toBeUndefined();
  });

  it('replaces a value under an existing key without growing', () => {
    const map = new Map<string, number>();
    lruSet(map, 'a', 1, 2);
    lruSet(map, 'a', 5, 2);
    expect([...map.entries()]).toEqual([['a', 5]]);
  });
});
