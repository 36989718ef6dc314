import { inflateSync } from 'node:zlib';

/**
 * Test helper: reads the text a Switchboard PDF draws, from an uncompressed render. pdfkit writes
 * Helvetica text as hex WinAnsi codes inside TJ arrays (with kerning numbers between the pieces);
 * each text object is one printed line.
 */

const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const code = Number.parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
  }
  return out;
}

/** The lines of text drawn in an uncompressed PDF, page after page, in drawing order. */
export function extractPdfLines(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  if (/\/Filter\s*\/FlateDecode/.test(source)) throw new Error('render with { compress: false } to read the text');
  const lines: string[] = [];
  for (const block of source.matchAll(/BT\r?\n([\s\S]*?)\r?\nET/g)) {
    const body = block[1] ?? '';
    let text = '';
    for (const op of body.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const pieces = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '') : [op[2] ?? ''];
      text += pieces.map(decodeHex).join('');
    }
    lines.push(text);
  }
  return lines;
}

/** The lines of text of a compressed PDF (as the API and the CLI write them): its page streams inflated, then read like an uncompressed one. */
export function extractCompressedPdfLines(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  let plain = '';
  for (const m of source.matchAll(/\/Filter\s*\/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = source.indexOf('endstream', start);
    plain += `${inflateSync(pdf.subarray(start, end)).toString('latin1')}\n`;
  }
  return extractPdfLines(Buffer.from(plain, 'latin1'));
}

/** How many pages the PDF has (its page tree's count). */
export function countPdfPages(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  return match ? Number(match[1]) : 0;
}
