/**
 * What a module keeps between calls, without module-level variables: a value built on first use
 * (an index over the constant tables, the gazetteer as read) and the results of a pure function
 * (renderings asked for again and again). Neither can be changed from outside, so no call sees
 * another's effects.
 */

/** `make()` on the first call, the same value on every later one. */
export function lazy<T>(make: () => T): () => T {
  const slot: { value?: T; made: boolean } = { made: false };
  return () => {
    if (!slot.made) {
      slot.value = make();
      slot.made = true;
    }
    return slot.value as T;
  };
}

/**
 * `fn` with each key's result kept: for pure functions called again and again with the same keys.
 * Past `max` kept results, all are let go and keeping starts again.
 */
export function memoize<K, V>(fn: (key: K) => V, max = Number.POSITIVE_INFINITY): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as V;
    const value = fn(key);
    if (kept.size > max) kept.clear();
    kept.set(key, value);
    return value;
  };
}
