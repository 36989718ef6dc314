import { describe, expect, it } from 'vitest';
import { findInvalidUtf8 } from './find-invalid-utf8.ts';

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

describe('findInvalidUtf8', () => {
  it('accepts UTF-8 whatever the chunk boundaries, including inside a character', async () => {
    const bytes = Buffer.from('héllo,日本\n€ 😀\r\nok');
    for (let cut = 0; cut <= bytes.length; cut++) expect(await findInvalidUtf8(chunks(bytes.subarray(0, cut), bytes.subarray(cut)))).toBeNull();
    expect(await findInvalidUtf8(chunks())).toBeNull();
  });

  it('finds the first Latin-1 byte, with its offset and line (LF, CRLF or CR lines)', async () => {
    const latin1 = Buffer.from('Alice\nBob\r\nCarol\rJos\xe9\n', 'latin1');
    for (let cut = 0; cut <= latin1.length; cut++) {
      expect(await findInvalidUtf8(chunks(latin1.subarray(0, cut), latin1.subarray(cut)))).toEqual({ offset: 20, line: 4, bytes: 'e90a' });
    }
  });

  it('refuses overlong forms, surrogates and a sequence cut off at the end of the file', async () => {
    expect((await findInvalidUtf8(chunks(Buffer.from([0x61, 0xc0, 0xaf]))))?.offset).toBe(1);
    expect((await findInvalidUtf8(chunks(Buffer.from([0xed, 0xa0, 0x80]))))?.offset).toBe(0);
    expect(await findInvalidUtf8(chunks(Buffer.from([0x61, 0x0a, 0xe2, 0x82])))).toEqual({ offset: 2, line: 2, bytes: 'e282' });
  });
});
