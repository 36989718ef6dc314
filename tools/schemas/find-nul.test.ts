import { describe, expect, it } from 'vitest';
import { findNul } from './find-nul.ts';

describe('findNul', () => {
  it('names the first string or key holding U+0000', () => {
    expect(findNul({ name: 'Ann', lines: ['a', 'b\u0000'] })).toBe('lines.1');
    expect(findNul({ notes: { 'x\u0000': 1 } })).toBe('a key of notes');
    expect(findNul('\u0000')).toBe('(the value)');
  });

  it('passes text without NUL, other control characters included, and leaves class instances alone', () => {
    expect(findNul({ a: 'tab\tand \u001f unit separator', n: 1, b: null, d: [true] })).toBeNull();
    expect(
      findNul({
        bytes: new Uint8Array([0]),
        when: new Date(0),
        content: new (class {
          text = '\u0000';
        })(),
      }),
    ).toBeNull();
  });
});
