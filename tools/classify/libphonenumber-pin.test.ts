import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPLICATED_LIBPHONENUMBER_VERSION } from './compile-numbering-plan.ts';

const read = (file: string): Record<string, any> => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));

describe('libphonenumber-js pin', () => {
  // The fast path replicates one release's metadata; a caret range would let a fresh install drift from it.
  it('pins libphonenumber-js exactly to the replicated release in package.json and package-lock.json', () => {
    const pkg = read('package.json');
    const lock = read('package-lock.json');
    expect(pkg.dependencies['libphonenumber-js']).toBe(REPLICATED_LIBPHONENUMBER_VERSION);
    expect(lock.packages[''].dependencies['libphonenumber-js']).toBe(REPLICATED_LIBPHONENUMBER_VERSION);
    expect(lock.packages['node_modules/libphonenumber-js'].version).toBe(REPLICATED_LIBPHONENUMBER_VERSION);
  });
});
