import { describe, expect, it } from 'vitest';
import { createBoundedCache, detachString } from './create-bounded-cache.ts';

describe('createBoundedCache', () => {
  it('never holds more than its bound', () => {
    const cache = createBoundedCache<number>(10);
    for (let i = 0; i < 1000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.get('k999')).toBe(999);
    expect(cache.get('k0')).toBeUndefined();
  });

  it('keeps an entry that keeps being used while others come and go', () => {
    const cache = createBoundedCache<number>(4);
    cache.set('hot', 1);
    for (let i = 0; i < 100; i++) {
      cache.set(`cold${i}`, i);
      expect(cache.get('hot')).toBe(1);
    }
  });

  it('overwrites an existing key', () => {
    const cache = createBoundedCache<number>(4);
    cache.set('b', 2);
    cache.set('b', 20);
    expect(cache.get('b')).toBe(20);
  });

  it('stores nothing with size 0', () => {
    const cache = createBoundedCache<number>(0);
    cache.set('a', 1);
    expect(cache.size).toBe(0);
    expect(cache.get('a')).toBeUndefined();
  });

  it('detaches strings without changing them', () => {
    const line = `"${'x'.repeat(50)}","+441614960123","${'y'.repeat(50)}"`;
    const slice = line.slice(54, 67);
    expect(detachString(slice)).toBe('+441614960123');
    expect(detachString('Zoë')).toBe('Zoë');
  });

  it('admits a key on its second sighting only, when asked to', () => {
    const cache = createBoundedCache<number>(100, { admitOnSecondSight: true });
    cache.set('once', 1);
    expect(cache.get('once')).toBeUndefined();
    cache.set('twice', 1);
    cache.set('twice', 2);
    expect(cache.get('twice')).toBe(2);
    for (let i = 0; i < 1000; i++) cache.set(`single${i}`, i);
    expect(cache.get('twice')).toBe(2);
    expect(cache.size).toBe(1);
  });
});
