/** A size-bounded memo. */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
  clear(): void;
}

/**
 * Copies a string into fresh memory. Keys cut from a CDR line are V8 sliced strings that keep the
 * whole 1 MB chunk they came from alive; a memo holding them would pin the file in memory.
 */
export function detachString(s: string): string {
  // Appending flattens into a fresh string; the slice then refers to that copy (or is a copy, when
  // short). About 4x cheaper than a round trip through a Buffer, and as detached (checked in a heap).
  return (s + ' ').slice(0, -1);
}

/** Options of a bounded memo. */
export interface BoundedCacheOptions {
  /**
   * Store a key only the second time it is set within a recent window (a one-bit-per-hash
   * doorkeeper): keys seen once, half the numbers of a typical CDR file, then never enter the memo,
   * so they neither evict repeated keys nor become old-generation garbage.
   */
  admitOnSecondSight?: boolean;
}

const DOORKEEPER_WORDS = 1 << 15; // 2^20 bits, 128 KiB
const DOORKEEPER_WINDOW = 1 << 18; // sightings before the doorkeeper forgets (about a quarter of its bits set)

/** FNV-1a over UTF-16 units: cheap, allocation-free, good enough to spread numbers over the bits. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A bounded memo in two generations: entries go into the young map; when it is full it becomes
 * the old map (the previous old one is dropped whole) and a hit in the old map moves the entry
 * back. O(1) per operation, at most `maxEntries` entries, recently used numbers survive.
 * (Deleting the oldest key of one big Map per insert degrades: its iterator re-skips deleted slots.)
 */
export function createBoundedCache<V>(maxEntries: number, options: BoundedCacheOptions = {}): BoundedCache<V> {
  const generation = Math.max(0, Math.floor(maxEntries / 2));
  let young = new Map<string, V>();
  let old = new Map<string, V>();
  const put = (key: string, value: V) => {
    if (young.size >= generation) {
      old = young;
      young = new Map();
    }
    young.set(key, value);
  };
  const seen = options.admitOnSecondSight ? new Uint32Array(DOORKEEPER_WORDS) : null;
  let sightings = 0;
  const firstSight = (key: string): boolean => {
    if (!seen) return false;
    const h = hashKey(key);
    const word = (h >>> 5) & (DOORKEEPER_WORDS - 1);
    const bit = 1 << (h & 31);
    if ((seen[word]! & bit) !== 0) return false;
    seen[word]! |= bit;
    if (++sightings >= DOORKEEPER_WINDOW) {
      seen.fill(0);
      sightings = 0;
    }
    return true;
  };
  return {
    get(key) {
      const hit = young.get(key);
      if (hit !== undefined || generation === 0) return hit;
      const aged = old.get(key);
      // The caller's key may be a slice of a CDR chunk: the young map gets a copy, like set().
      if (aged !== undefined) put(detachString(key), aged);
      return aged;
    },
    set(key, value) {
      if (generation === 0 || firstSight(key)) return;
      put(detachString(key), value);
    },
    get size() {
      return young.size + old.size;
    },
    clear: () => {
      young = new Map();
      old = new Map();
      seen?.fill(0);
      sightings = 0;
    },
  };
}
