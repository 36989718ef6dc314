/** A size-bounded memo: once full, each insertion evicts the oldest entry (FIFO). */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
  clear(): void;
}

/**
 * A bounded memo over a Map; FIFO rather than LRU because refreshing recency on every hit costs
 * a delete and a re-insert, and CDR streams repeat hot numbers often enough to be re-inserted soon.
 */
export function createBoundedCache<V>(maxEntries: number): BoundedCache<V> {
  const limit = Math.max(0, Math.floor(maxEntries));
  const entries = new Map<string, V>();
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      if (limit === 0) return;
      if (entries.size >= limit && !entries.has(key)) {
        // Map iterates in insertion order, so the first key is the oldest.
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, value);
    },
    get size() {
      return entries.size;
    },
    clear: () => entries.clear(),
  };
}
