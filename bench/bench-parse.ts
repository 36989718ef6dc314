// Parse-only: stream the file through readLines and the Asterisk parser; no classification, no storage.
import { createReadStream } from 'node:fs';
import { createParser, plausibilityWindow, readLines } from '../tools/cdr/index.ts';
import { measure } from './measure.ts';

const [file] = process.argv.slice(2);
const parser = createParser('asterisk', { timezone: 'Europe/London', plausibility: plausibilityWindow(Date.now()) });
const result = await measure('parse-only', async () => {
  let n = 0;
  for await (const line of readLines(createReadStream(file!, { highWaterMark: 1 << 20 }))) {
    const out = parser.parseLine(line.text, line.lineNo);
    if (out.kind !== 'skip') n++;
  }
  return n;
});
console.log(JSON.stringify(result));
