/** Quotes a CSV field unconditionally, doubling embedded quotes (Asterisk and FreeSWITCH quote every string). */
export function quoteAlways(value: string): string {
  return value.indexOf('"') === -1 ? `"${value}"` : `"${value.replaceAll('"', '""')}"`;
}

/** Quotes a CSV field only when it holds a comma, quote or line break, as RFC 4180 writers do. */
export function quoteIfNeeded(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Turns the last field of a CSV row into a quote that never closes, for UNTERMINATED_QUOTE rows. */
export function unterminate(fields: string[], filler: string): void {
  const last = fields.length - 1;
  const raw = (fields[last] ?? '').replaceAll('"', '');
  fields[last] = `"${raw === '' ? filler : raw}`;
}

/** Splits a well-formed CSV line into its raw (still quoted) fields. */
export function splitQuotedCsv(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    let j = i;
    if (line[i] === '"') {
      j = i + 1;
      for (;;) {
        const close = line.indexOf('"', j);
        if (close === -1) throw new Error(`unterminated quote in generated line: ${line}`);
        if (line[close + 1] === '"') j = close + 2;
        else {
          j = close + 1;
          break;
        }
      }
    } else {
      j = line.indexOf(',', i);
      if (j === -1) j = line.length;
    }
    fields.push(line.slice(i, j));
    i = j + 1;
  }
  return fields;
}
