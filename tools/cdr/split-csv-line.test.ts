import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCsvSplitFailure, quoteCsvField, splitCsvLine } from './split-csv-line.ts';

describe('splitCsvLine', () => {
  it('splits unquoted and quoted fields', () => {
    expect(splitCsvLine('a,b,c')).toEqual(['a', 'b', 'c']);
    expect(splitCsvLine('"a","b,c",d')).toEqual(['a', 'b,c', 'd']);
  });

  it('keeps empty fields, including quoted empties and a trailing comma', () => {
    expect(splitCsvLine('a,,"",b,')).toEqual(['a', '', '', 'b', '']);
    expect(splitCsvLine('')).toEqual(['']);
    expect(splitCsvLine(',')).toEqual(['', '']);
  });

  it('unescapes doubled quotes, as in an Asterisk clid', () => {
    expect(splitCsvLine('"""Alice"" <1001>",x')).toEqual(['"Alice" <1001>', 'x']);
    expect(splitCsvLine('""""')).toEqual(['"']);
    expect(splitCsvLine('"a""b""c"')).toEqual(['a"b"c']);
  });

  it('keeps spaces and other characters verbatim', () => {
    expect(splitCsvLine(' a , b ')).toEqual([' a ', ' b ']);
    expect(splitCsvLine('"é,ü",日本')).toEqual(['é,ü', '日本']);
  });

  it('reports a quote that never closes', () => {
    const r = splitCsvLine('"a","b');
    expect(isCsvSplitFailure(r)).toBe(true);
    expect(r).toEqual({ error: 'UNTERMINATED_QUOTE', field: 2, offset: 4 });
    expect(splitCsvLine('"abc""')).toMatchObject({ error: 'UNTERMINATED_QUOTE' });
  });

  it('reports a quote inside an unquoted field', () => {
    expect(splitCsvLine('ab"c,d')).toEqual({ error: 'MALFORMED_CSV', field: 1, offset: 2 });
  });

  it('reports text after a closing quote', () => {
    expect(splitCsvLine('"ab"c,d')).toEqual({ error: 'MALFORMED_CSV', field: 1, offset: 4 });
    expect(splitCsvLine('x,"ab" ,d')).toMatchObject({ error: 'MALFORMED_CSV', field: 2 });
  });

  it('round-trips any fields written with proper quoting (property)', () => {
    const alphabet = fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '""', '\r', '\n', '\t', 'é', '日', '😀', '#');
    const field = fc.oneof(fc.string(), fc.string({ unit: alphabet }));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 12 }), (fields) => {
        const line = fields.map(quoteCsvField).join(',');
        expect(splitCsvLine(line)).toEqual(fields);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips when every field is quoted, as Asterisk and FreeSWITCH write (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 12 }), (fields) => {
        const line = fields.map((f) => `"${f.replaceAll('"', '""')}"`).join(',');
        expect(splitCsvLine(line)).toEqual(fields);
      }),
      { numRuns: 1000 },
    );
  });
});
