// A Map used as a least-recently-used store: Map keeps insertion order, so re-inserting a key on every hit moves it to
// the end and the first key is always the least recently used. Shared by the figures cache and the decoded session
// tokens; pure, no server imports (the proxy uses it too).

/** The value under `key`, moved to the most recently used end; undefined when absent. */
export function lruGet<K, V>(map: Map<K, V>, key: K): V | undefined {
  if (!map.has(key)) return undefined;
  const value = map.get(key) as V;
  map.delete(key);
  map.set(key, value);
  return value;
}

/** Stores `value` under `key` as the most recently used, then drops the least recently used beyond `max` entries. */
export function lruSet<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}
