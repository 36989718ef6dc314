import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isBlankLine, LineSplitter, readLineBatches, readLines, TOO_LONG_KEPT_CHARS, type PhysicalLine } from './read-lines.ts';

async function collect(chunks: Array<Buffer | string>, maxLineBytes?: number): Promise<PhysicalLine[]> {
  const out: PhysicalLine[] = [];
  const options = maxLineBytes === undefined ? {} : { maxLineBytes };
  for await (const line of readLines(Readable.from(chunks, { objectMode: true }), options)) out.push(line);
  return out;
}

const texts = (lines: PhysicalLine[]): string[] => lines.map((l) => l.text);

describe('readLines', () => {
  it('yields numbered lines for LF and CRLF, and a final line without newline', async () => {
    const lines = await collect([Buffer.from('a,1\r\nb,2\nc,3')]);
    expect(lines).toEqual([
      { lineNo: 1, text: 'a,1', tooLong: false },
      { lineNo: 2, text: 'b,2', tooLong: false },
      { lineNo: 3, text: 'c,3', tooLong: false },
    ]);
  });

  it('yields no phantom line after a final newline, but keeps blank lines', async () => {
    expect(texts(await collect(['a\n\nb\n']))).toEqual(['a', '', 'b']);
    expect(texts(await collect(['\n']))).toEqual(['']);
    expect(await collect([])).toEqual([]);
    expect(await collect([''])).toEqual([]);
  });

  it('drops a UTF-8 BOM on line 1 only, even when split across chunks', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(texts(await collect([Buffer.concat([bom, Buffer.from('x\n\ufeffy\n')])]))).toEqual(['x', '\ufeffy']);
    expect(texts(await collect([bom.subarray(0, 2), Buffer.concat([bom.subarray(2), Buffer.from('x')])]))).toEqual(['x']);
  });

  it('joins lines, multi-byte characters and CRLF split across chunks', async () => {
    const bytes = Buffer.from('héllo,日本\r\nwörld\r\n');
    // Every possible split point, including inside a character and between CR and LF.
    for (let cut = 0; cut <= bytes.length; cut++) {
      const lines = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(texts(lines)).toEqual(['héllo,日本', 'wörld']);
    }
    const oneByteAtATime = [...bytes].map((b) => Buffer.from([b]));
    expect(texts(await collect(oneByteAtATime))).toEqual(['héllo,日本', 'wörld']);
  });

  it('accepts string chunks and plain async iterables', async () => {
    async function* gen(): AsyncGenerator<string> {
      yield 'a\nb';
      yield 'c\n';
    }
    const out: string[] = [];
    for await (const l of readLines(gen())) out.push(l.text);
    expect(out).toEqual(['a', 'bc']);
  });

  it('flags a line over 64 KiB, keeps only a prefix, and goes on with the next lines', async () => {
    const long = 'x'.repeat(64 * 1024 + 1);
    const lines = await collect([`first\n${long}\nlast\n`]);
    expect(lines.map((l) => [l.lineNo, l.tooLong])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(lines[1]!.text).toBe('x'.repeat(TOO_LONG_KEPT_CHARS));
    expect(lines[2]!.text).toBe('last');
  });

  it('accepts a line of exactly 64 KiB, with or without CR', async () => {
    const exact = 'y'.repeat(64 * 1024);
    const lines = await collect([`${exact}\r`, `\n${exact}`]);
    expect(lines.map((l) => [l.tooLong, l.text.length])).toEqual([
      [false, 64 * 1024],
      [false, 64 * 1024],
    ]);
  });

  it('measures the limit in UTF-8 bytes, not characters', async () => {
    // 30 000 three-byte characters: 90 000 bytes but only 30 000 UTF-16 units.
    const lines = await collect(['€'.repeat(30_000) + '\nok\n']);
    expect(lines.map((l) => l.tooLong)).toEqual([true, false]);
  });

  it('never accumulates an endless line beyond the limit', async () => {
    const splitter = new LineSplitter({ maxLineBytes: 100 });
    for (let i = 0; i < 1000; i++) expect(splitter.push('z'.repeat(50))).toEqual([]);
    // White-box: what is held is the kept prefix, not the 50 000 characters pushed.
    expect((splitter as unknown as { carry: string }).carry.length).toBeLessThanOrEqual(TOO_LONG_KEPT_CHARS);
    const [line] = splitter.push('\nnext');
    expect(line).toMatchObject({ lineNo: 1, tooLong: true });
    expect(line!.text).toMatch(/^z{100,1024}$/);
    expect(splitter.end()).toEqual([{ lineNo: 2, text: 'next', tooLong: false }]);
  });

  it('flags a final over-long line without newline', async () => {
    const lines = await collect(['ok\n', 'q'.repeat(300)], 100);
    expect(lines.map((l) => [l.lineNo, l.tooLong, l.text.length])).toEqual([
      [1, false, 2],
      [2, true, 300],
    ]);
  });

  it('batches lines per chunk with readLineBatches', async () => {
    const batches: number[][] = [];
    for await (const b of readLineBatches(Readable.from(['a\nb\nc', '\nd'], { objectMode: true }))) batches.push(b.map((l) => l.lineNo));
    expect(batches).toEqual([[1, 2], [3], [4]]);
  });
});

describe('isBlankLine', () => {
  it('is true only for empty or whitespace-only lines', () => {
    expect(isBlankLine('')).toBe(true);
    expect(isBlankLine(' \t ')).toBe(true);
    expect(isBlankLine(' x ')).toBe(false);
  });
});

describe('readLines: line endings and encodings', () => {
  it('ends lines at a lone CR (old Mac exports), LF and CRLF, counting CRLF once', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => `r${i},x`);
    const crOnly = await collect([records.join('\r') + '\r']);
    expect(crOnly).toHaveLength(1000);
    expect(crOnly.every((l) => !l.tooLong)).toBe(true);
    expect(crOnly[999]).toEqual({ lineNo: 1000, text: 'r999,x', tooLong: false });
    expect(texts(await collect(['a\rb\nc\r\nd\r\re']))).toEqual(['a', 'b', 'c', 'd', '', 'e']);
  });

  it('joins a CRLF split across chunks, and keeps a CR at a chunk end from eating the next line', async () => {
    const bytes = Buffer.from('a\r\nb\rc\r\nd');
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(texts(await collect([bytes.subarray(0, cut), bytes.subarray(cut)]))).toEqual(['a', 'b', 'c', 'd']);
    }
    expect(texts(await collect(['x\r', 'y\r', '\n', 'z']))).toEqual(['x', 'y', 'z']);
  });

  it('decodes a declared Latin-1 or Windows-1252 file instead of replacing its bytes', async () => {
    const bytes = Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x0a, 0x80, 0x35, 0x0a]); // "José\n" + (0x80)"5\n"
    const read = async (encoding: 'latin1' | 'windows-1252' | 'utf-8') => {
      const out: string[] = [];
      for await (const l of readLines(Readable.from([bytes.subarray(0, 4), bytes.subarray(4)], { objectMode: true }), { encoding })) out.push(l.text);
      return out;
    };
    expect(await read('latin1')).toEqual(['José', '\u00805']);
    expect(await read('windows-1252')).toEqual(['José', '€5']);
    expect(await read('utf-8')).toEqual(['Jos\ufffd', '\ufffd5']);
  });
});
