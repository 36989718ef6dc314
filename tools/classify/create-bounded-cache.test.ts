import { describe, expect, it } from 'vitest';
import { createBoundedCache } from './create-bounded-cache.ts';

describe('createBoundedCache', () => {
  it('evicts the oldest entry once full', () => {
    const cache = createBoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    expect(cache.get('c')).toBe(3);
  });

  it('overwrites an existing key without evicting', () => {
    const cache = createBoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('b', 20);
    expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([1, 20, 2]);
  });

  it('stores nothing with size 0', () => {
    const cache = createBoundedCache<number>(0);
    cache.set('a', 1);
    expect(cache.size).toBe(0);
    expect(cache.get('a')).toBeUndefined();
  });
});
