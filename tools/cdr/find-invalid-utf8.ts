import { isUtf8 } from 'node:buffer';

/** Where a byte stream stops being UTF-8: the byte offset, its 1-based line, and the bytes there (hex). */
export interface InvalidUtf8 {
  offset: number;
  line: number;
  bytes: string;
}

/** Bytes a sequence starting with `lead` takes (0 for a byte that cannot start one). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Offset of the first byte of `buf` that is not valid UTF-8 (only called once a chunk failed). */
function firstInvalid(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const n = sequenceLength(buf[i]!);
    if (n === 0 || i + n > buf.length) return i;
    // Decoding one sequence at a time rejects overlong forms, surrogates and code points past U+10FFFF.
    if (n > 1 && !isUtf8(buf.subarray(i, i + n))) return i;
    i += n;
  }
  return buf.length;
}

/** Where the last sequence of `buf` starts when it is cut off by the chunk's end (else buf.length). */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back]!;
    if (b < 0x80) return buf.length;
    if (b >= 0xc0) return sequenceLength(b) > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/** Line breaks (LF, CRLF or a lone CR, as readLines counts them) in `buf`; `afterCr` says the previous byte was CR. */
function countBreaks(buf: Buffer, end: number, afterCr: boolean): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < end; i = buf.indexOf(0x0a, i + 1)) if (!(i === 0 ? afterCr : buf[i - 1] === 0x0d)) n++;
  for (let i = buf.indexOf(0x0d); i !== -1 && i < end; i = buf.indexOf(0x0d, i + 1)) n++;
  return n;
}

/** A UTF-8 check fed chunk by chunk, for a stream read once: `push` each chunk, then `end`. */
export interface Utf8Check {
  /** Where this chunk (with any sequence the previous one cut off) stops being UTF-8, or null. */
  push(chunk: Buffer): InvalidUtf8 | null;
  /** Null when the stream ended on a whole sequence. */
  end(): InvalidUtf8 | null;
}

/** Starts a chunk-by-chunk UTF-8 check (one native check per chunk, a sequence split across chunks joined first). */
export function createUtf8Check(): Utf8Check {
  let carry = Buffer.alloc(0);
  let offset = 0;
  let breaks = 0;
  let afterCr = false;
  const fail = (buf: Buffer) => {
    const at = firstInvalid(buf);
    return { offset: offset + at, line: breaks + countBreaks(buf, at, afterCr) + 1, bytes: buf.subarray(at, at + 4).toString('hex') };
  };
  return {
    push(chunk) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = incompleteTail(buf);
      const whole = cut === buf.length ? buf : buf.subarray(0, cut);
      if (!isUtf8(whole)) return fail(whole);
      breaks += countBreaks(whole, whole.length, afterCr);
      if (whole.length) afterCr = whole[whole.length - 1] === 0x0d;
      offset += whole.length;
      carry = Buffer.from(buf.subarray(cut));
      return null;
    },
    end: () => (carry.length && !isUtf8(carry) ? fail(carry) : null),
  };
}

/** Checks that a byte stream is UTF-8 throughout and returns where it first is not, or null when it all is. */
export async function findInvalidUtf8(chunks: AsyncIterable<Buffer>): Promise<InvalidUtf8 | null> {
  const check = createUtf8Check();
  for await (const chunk of chunks) {
    const bad = check.push(chunk);
    if (bad) return bad;
  }
  return check.end();
}
