import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinAttributes, splitAttributes } from './split-attributes.ts';

describe('split attributes', () => {
  it('property: names and values join back to the identical object, key order included', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (attributes) => {
        const { keys, values } = splitAttributes(attributes);
        const joined = joinAttributes(keys, values);
        expect(joined).toEqual(attributes);
        expect(Object.keys(joined)).toEqual(Object.keys(attributes));
      }),
    );
  });

  it('keeps a key named __proto__ as an own key', () => {
    const attributes = JSON.parse('{"__proto__":"x","constructor":"ctor"}') as Record<string, string>;
    const joined = joinAttributes(splitAttributes(attributes).keys, splitAttributes(attributes).values);
    expect(Object.getPrototypeOf(joined)).toBe(Object.prototype);
    expect(Object.keys(joined)).toEqual(['__proto__', 'constructor']);
  });
});
