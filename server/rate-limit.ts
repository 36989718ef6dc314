/** A fixed-window counter per key (an IP, a user): at most `limit` hits in each `windowMs`. */
export interface RateLimiter {
  /** True when `key` has used up its window (nothing is counted). */
  blocked(key: string): boolean;
  /** Counts one hit for `key`; false when it is over the limit. */
  hit(key: string): boolean;
  /** Seconds until `key`'s window starts again (for Retry-After). */
  retryAfter(key: string): number;
}

/** Keys kept at most; the oldest windows go first, so a flood of addresses cannot grow memory without bound. */
const MAX_KEYS = 10_000;

/** A rate limiter in this process's memory (one server process; limits restart with it). */
export function createRateLimiter(opts: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const w = windows.get(key);
    if (w && now() - w.start < opts.windowMs) return w;
    if (w) windows.delete(key);
    return undefined;
  };
  return {
    blocked: (key) => (current(key)?.count ?? 0) >= opts.limit,
    hit(key) {
      let w = current(key);
      if (!w) {
        if (windows.size >= MAX_KEYS) windows.delete(windows.keys().next().value as string);
        w = { start: now(), count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count <= opts.limit;
    },
    retryAfter(key) {
      const w = current(key);
      return w ? Math.max(1, Math.ceil((w.start + opts.windowMs - now()) / 1000)) : 0;
    },
  };
}
