import { quarantine } from './create-outcome.ts';
import { MAX_LINE_BYTES, readLineBatches, type ReadLinesOptions } from './read-lines.ts';
import type { CdrParser, ParseOutcome } from './usage-record.types.ts';

/** One physical line with its outcome; `text` is the line (a prefix when too long) for hashing and quarantine logs. */
export interface ParsedLine {
  lineNo: number;
  text: string;
  outcome: ParseOutcome;
}

/**
 * Reads a stream and parses each physical line with `parser`, quarantining over-long lines as
 * LINE_TOO_LONG without handing them to the parser; every physical line yields exactly one result.
 */
export async function* parseCdrLines(input: NodeJS.ReadableStream | AsyncIterable<Buffer | string>, parser: CdrParser, options: ReadLinesOptions = {}): AsyncGenerator<ParsedLine> {
  for await (const batch of parseCdrBatches(input, parser, options)) yield* batch;
}

/** Like parseCdrLines, one array per input chunk, for consumers that batch (database inserts) and want no async hop per line. */
export async function* parseCdrBatches(input: NodeJS.ReadableStream | AsyncIterable<Buffer | string>, parser: CdrParser, options: ReadLinesOptions = {}): AsyncGenerator<ParsedLine[]> {
  const tooLong = `line is over ${options.maxLineBytes ?? MAX_LINE_BYTES} bytes (a binary or corrupted file?)`;
  for await (const lines of readLineBatches(input, options)) {
    const parsed: ParsedLine[] = new Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const outcome = line.tooLong ? quarantine('LINE_TOO_LONG', tooLong) : parser.parseLine(line.text, line.lineNo);
      parsed[i] = { lineNo: line.lineNo, text: line.text, outcome };
    }
    yield parsed;
  }
}
