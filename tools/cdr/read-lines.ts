import { StringDecoder } from 'node:string_decoder';

/** Longest line, in UTF-8 bytes without its terminator, that is handed to a parser. */
export const MAX_LINE_BYTES = 64 * 1024;

/** How much of an over-long line is kept, in UTF-16 units, so the quarantine log can show what it was. */
export const TOO_LONG_KEPT_CHARS = 1024;

/** One physical line: 1-based number, text without its terminator; `tooLong` lines carry only a prefix. */
export interface PhysicalLine {
  lineNo: number;
  text: string;
  tooLong: boolean;
}

/** Text encodings a CDR file may be declared in (`ingest --encoding`); UTF-8 unless said otherwise. */
export const TEXT_ENCODINGS = ['utf-8', 'latin1', 'windows-1252'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface ReadLinesOptions {
  /** Override of MAX_LINE_BYTES (tests use a small one). */
  maxLineBytes?: number;
  /** How bytes become text: UTF-8 (default), ISO-8859-1 (`latin1`) or Windows-1252. */
  encoding?: TextEncodingName;
}

/** A streaming decoder: bytes in, text out, a character split across chunks kept whole. */
interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

function createDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'utf-8') return new StringDecoder('utf8');
  // ISO-8859-1: one byte, one character (node's own, the fastest); Windows-1252 differs in 0x80-0x9F.
  if (encoding === 'latin1') return new StringDecoder('latin1');
  const decoder = new TextDecoder('windows-1252');
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

type LineInput = NodeJS.ReadableStream | AsyncIterable<Buffer | string>;

const LF = 0x0a;
const BOM = 0xfeff;

/**
 * Splits chunks into physical lines synchronously; the async readers wrap it. Chunks are decoded
 * whole and sliced, which beats a native toString per line; the decoder keeps a character split
 * across chunks intact. Lines end at LF, CRLF or a lone CR (old Mac exports). An over-long line is
 * never accumulated past the limit.
 */
export class LineSplitter {
  private readonly decoder: ChunkDecoder;
  private readonly maxBytes: number;
  private carry = '';
  private overflow = false;
  private lineNo = 0;
  private sawText = false;
  /** The previous chunk ended with CR: an LF starting this one belongs to it (CRLF split in two). */
  private afterCr = false;

  constructor(options: ReadLinesOptions = {}) {
    this.maxBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.decoder = createDecoder(options.encoding ?? 'utf-8');
  }

  /** Feeds one chunk and returns the lines it completes. */
  push(chunk: Buffer | string): PhysicalLine[] {
    const lines: PhysicalLine[] = [];
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (text.length === 0) return lines;
    if (!this.sawText) {
      this.sawText = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    let pos = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) pos = 1;
    }
    // LF files (the common case) cost one extra scan per chunk: `cr` stays -1 and the loop is the
    // plain LF split. With CRs, the nearer of the two ends each line; CRLF counts once.
    let cr = text.indexOf('\r', pos);
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      const end = cr === -1 ? nl : nl === -1 || cr < nl ? cr : nl;
      if (end === -1) break;
      lines.push(this.finish(this.overflow ? '' : text.slice(pos, end)));
      pos = end + 1;
      if (end === cr) {
        if (pos === text.length) this.afterCr = true;
        else if (text.charCodeAt(pos) === LF) pos += 1;
      }
    }
    if (pos < text.length) this.keep(pos === 0 ? text : text.slice(pos));
    return lines;
  }

  /** Ends the input and returns the final line when it had no newline. */
  end(): PhysicalLine[] {
    this.keep(this.decoder.end());
    return this.carry !== '' || this.overflow ? [this.finish('')] : [];
  }

  private finish(tail: string): PhysicalLine {
    const lineNo = ++this.lineNo;
    if (this.overflow) {
      const kept = this.carry;
      this.overflow = false;
      this.carry = '';
      return { lineNo, text: kept, tooLong: true };
    }
    const text = this.carry === '' ? tail : this.carry + tail;
    this.carry = '';
    if (exceeds(text, this.maxBytes)) return { lineNo, text: text.slice(0, TOO_LONG_KEPT_CHARS), tooLong: true };
    return { lineNo, text, tooLong: false };
  }

  private keep(piece: string): void {
    if (this.overflow || piece === '') return;
    // UTF-8 needs at least one byte per UTF-16 unit, so more units than the limit is already too
    // long: stop accumulating, keep a prefix.
    if (this.carry.length + piece.length > this.maxBytes) {
      if (this.carry.length < TOO_LONG_KEPT_CHARS) this.carry += piece.slice(0, TOO_LONG_KEPT_CHARS - this.carry.length);
      this.carry = this.carry.slice(0, TOO_LONG_KEPT_CHARS);
      this.overflow = true;
      return;
    }
    this.carry += piece;
  }
}

/**
 * Yields the physical lines of a stream in batches, one batch per chunk: consumers that loop
 * synchronously over a batch avoid an async hop per line, which dominates at a million lines.
 */
export async function* readLineBatches(input: LineInput, options: ReadLinesOptions = {}): AsyncGenerator<PhysicalLine[]> {
  const splitter = new LineSplitter(options);
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const lines = splitter.push(chunk);
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (last.length > 0) yield last;
}

/**
 * Yields every physical line of a byte or text stream (LF, CRLF or CR, a final line without
 * newline, a UTF-8 BOM dropped from line 1). Lines over the limit are yielded truncated with `tooLong`
 * set, and never held whole, so a binary or corrupt file cannot exhaust memory.
 */
export async function* readLines(input: LineInput, options: ReadLinesOptions = {}): AsyncGenerator<PhysicalLine> {
  for await (const batch of readLineBatches(input, options)) yield* batch;
}

/** True when `text` is longer than `maxBytes` in UTF-8; counts bytes only when the UTF-16 length leaves doubt. */
function exceeds(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  // A UTF-16 unit encodes to at most 3 bytes, so short lines never need the byte count.
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}

/** True for an empty line or one of only spaces and tabs, which every format skips. */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}
