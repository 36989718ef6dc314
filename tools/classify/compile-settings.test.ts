import { describe, expect, it } from 'vitest';
import { compileSettings, isInternalExtension } from './compile-settings.ts';
import { makeSettings } from './test-fixtures.ts';

function ranges(...specs: string[]) {
  return compileSettings(makeSettings({ homeCountry: 'GB', internalExtensions: specs })).extensionRanges;
}

describe('isInternalExtension', () => {
  it.each([
    [['1000-1999'], '1000', true],
    [['1000-1999'], '1999', true],
    [['1000-1999'], '2000', false],
    [['1000-1999'], '01000', false],
    [['1000-1999'], '100', false],
    [['100-1999'], '150', true],
    [['100-1999'], '1500', true],
    [['100-1999'], '0150', false],
    [['0100-0199'], '0150', true],
    [['0100-0199'], '150', false],
    [['42'], '42', true],
    [['42'], '43', false],
    [['1000-1999'], '+1000', false],
    [['1000-1999'], '', false],
    [[], '1000', false],
  ] as const)('%j contains %s: %s', (specs, dialled, expected) => {
    expect(isInternalExtension(dialled, ranges(...specs))).toBe(expected);
  });
});

describe('compileSettings', () => {
  it('compiles once per settings object', () => {
    const settings = makeSettings({ homeCountry: 'GB' });
    expect(compileSettings(settings)).toBe(compileSettings(settings));
  });

  it('gives equal numbering plans the same cache namespace and different ones different namespaces', () => {
    const a = compileSettings(makeSettings({ homeCountry: 'GB', localAreaPrefixes: ['20', '161'] }));
    const b = compileSettings(makeSettings({ homeCountry: 'GB', localAreaPrefixes: ['161', '20'], tenant: 'other' }));
    const c = compileSettings(makeSettings({ homeCountry: 'GB', localAreaPrefixes: ['20'] }));
    expect(a.cacheNamespace).toBe(b.cacheNamespace);
    expect(a.cacheNamespace).not.toBe(c.cacheNamespace);
  });

  it('orders trunk prefixes longest first', () => {
    expect(compileSettings(makeSettings({ homeCountry: 'GB', trunkPrefixes: ['9', '141', '90'] })).trunkPrefixes).toEqual(['141', '90', '9']);
  });
});
