import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRow, encodeRow } from './ingest-writer.worker.mjs';

describe('rows encoded for the writer thread', () => {
  it('come back as the same values (numbers as their decimal text, which INTEGER affinity stores as integers)', () => {
    const row = ['asterisk:1.0', null, 1, 42, '', 'Ní Bhriain "x"', 1740787581000, -5, '{"a":"\\u001f"}', null];
    expect(decodeRow(encodeRow(row)!)).toEqual(row.map((v) => (typeof v === 'number' ? String(v) : v)));
  });

  it('refuse values that would be read back differently, so the caller sends the values themselves', () => {
    expect(encodeRow(['a', 'b\u001fc'])).toBeNull();
    expect(encodeRow(['a', '\u0000'])).toBeNull();
    expect(decodeRow(['a', 'b\u001fc'])).toEqual(['a', 'b\u001fc']);
  });

  it('round-trip any strings and nulls exactly, or are refused', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('', '\u0000', '\u001f', 'a\u001fb', '\u0000\u0000')), { nil: null }), { minLength: 1, maxLength: 40 }),
        (row) => {
          const encoded = encodeRow(row);
          if (encoded === null) expect(row.some((v) => v === '\u0000' || (v ?? '').includes('\u001f'))).toBe(true);
          else expect(decodeRow(encoded)).toEqual(row);
        },
      ),
    );
  });
});
