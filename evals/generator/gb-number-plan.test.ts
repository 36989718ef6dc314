import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  INTERNATIONAL_BLOCKS,
  LOCAL_BLOCKS,
  MOBILE_BLOCKS,
  NATIONAL_BLOCKS,
  PREMIUM_BLOCKS,
  SUBSCRIBER_FIXED_BLOCK,
  SUBSCRIBER_MOBILE_BLOCKS,
  TOLL_FREE_BLOCKS,
  VISITOR_HOMES,
  type NumberBlock,
} from './gb-number-plan.ts';
import { Random } from './random.ts';

const blocks: NumberBlock[] = [
  ...SUBSCRIBER_MOBILE_BLOCKS,
  SUBSCRIBER_FIXED_BLOCK,
  ...LOCAL_BLOCKS,
  ...NATIONAL_BLOCKS,
  ...MOBILE_BLOCKS,
  ...TOLL_FREE_BLOCKS,
  ...PREMIUM_BLOCKS,
  ...INTERNATIONAL_BLOCKS.map(([b]) => b),
  ...VISITOR_HOMES.map(([b]) => b),
];

describe('number blocks', () => {
  // The classifier trusts libphonenumber's max metadata: a block it rejects would label good traffic unclassified.
  it.each(blocks.map((b) => [`+${b.prefix}${'x'.repeat(b.digits)}`, b] as const))('%s is valid with its stated type and country', (_, block) => {
    const rng = new Random(block.prefix);
    const samples = ['0'.repeat(block.digits), '9'.repeat(block.digits), ...Array.from({ length: 300 }, () => rng.digits(block.digits))];
    for (const tail of samples) {
      const n = parsePhoneNumberFromString(`+${block.prefix}${tail}`);
      expect(n?.isValid(), `+${block.prefix}${tail}`).toBe(true);
      expect(n?.getType(), `+${block.prefix}${tail}`).toBe(block.type);
      expect(n?.country, `+${block.prefix}${tail}`).toBe(block.country);
    }
  });

  it('keeps the Ofcom drama mobile range out, because libphonenumber rejects it', () => {
    expect(parsePhoneNumberFromString('+447700900123')?.isValid()).toBe(false);
    for (const b of [...SUBSCRIBER_MOBILE_BLOCKS, ...MOBILE_BLOCKS]) expect(b.prefix.startsWith('447700900')).toBe(false);
  });

  it('keeps on-net (subscriber) blocks disjoint from off-net destination blocks', () => {
    const onNet = [...SUBSCRIBER_MOBILE_BLOCKS, SUBSCRIBER_FIXED_BLOCK].map((b) => b.prefix);
    const offNet = [...LOCAL_BLOCKS, ...NATIONAL_BLOCKS, ...MOBILE_BLOCKS].map((b) => b.prefix);
    for (const a of onNet) for (const b of offNet) expect(a.startsWith(b) || b.startsWith(a), `${a} vs ${b}`).toBe(false);
  });
});
