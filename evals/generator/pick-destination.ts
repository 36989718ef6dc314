import type { Population, Subscriber } from './build-population.ts';
import {
  EMERGENCY_NUMBERS,
  INTERNATIONAL_BLOCKS,
  LOCAL_BLOCKS,
  MOBILE_BLOCKS,
  NATIONAL_BLOCKS,
  PREMIUM_BLOCKS,
  SMS_SHORT_CODES,
  TOLL_FREE_BLOCKS,
  TRUNK_PREFIX,
  VOICE_SHORT_CODES,
  type NumberBlock,
} from './gb-number-plan.ts';
import type { ExpectedCategory } from './generator.types.ts';
import { createWeightedPicker, type Random } from './random.ts';

/** The other party of a call or message: its E.164 digits (null for service numbers) and the string as written. */
export interface Destination {
  e164: string | null;
  written: string;
  trunkPrefixed: boolean;
}

/**
 * How numbers are written: a PBX extension dials `9` then national/`00` format; a handset uses
 * national or `+`; a handset abroad uses `+` for home numbers; generic sources mix national and `+`.
 */
export type DialStyle = 'pbx' | 'handset' | 'abroad' | 'generic';

const pickInternational = createWeightedPicker(INTERNATIONAL_BLOCKS);
const pickEmergency = createWeightedPicker(EMERGENCY_NUMBERS);
const pickVoiceShortCode = createWeightedPicker(VOICE_SHORT_CODES);

function numberIn(rng: Random, blocks: readonly NumberBlock[]): string {
  const block = blocks.length === 1 ? (blocks[0] as NumberBlock) : rng.pick(blocks);
  return block.prefix + rng.digits(block.digits);
}

/** Renders an E.164 number (digits, no '+') the way a switch or source in `style` writes it. */
export function writeNumber(rng: Random, e164: string, style: DialStyle): { written: string; trunkPrefixed: boolean } {
  const domestic = e164.startsWith('44');
  const r = rng.float();
  switch (style) {
    case 'pbx': {
      const dialled = domestic ? `0${e164.slice(2)}` : `00${e164}`;
      return r < 0.7 ? { written: TRUNK_PREFIX + dialled, trunkPrefixed: true } : { written: dialled, trunkPrefixed: false };
    }
    case 'handset':
      if (domestic) return { written: r < 0.65 ? `0${e164.slice(2)}` : r < 0.95 ? `+${e164}` : `00${e164}`, trunkPrefixed: false };
      return { written: r < 0.6 ? `+${e164}` : `00${e164}`, trunkPrefixed: false };
    case 'abroad':
      return { written: `+${e164}`, trunkPrefixed: false };
    case 'generic':
      if (domestic) return { written: r < 0.5 ? `0${e164.slice(2)}` : `+${e164}`, trunkPrefixed: false };
      return { written: r < 0.7 ? `+${e164}` : `00${e164}`, trunkPrefixed: false };
  }
}

/** Creates a picker of the other party for a category, never returning the caller itself for on-net traffic. */
export function createDestinationPicker(population: Population): (rng: Random, category: ExpectedCategory, style: DialStyle, caller: Subscriber, service: 'voice' | 'sms') => Destination {
  const { subscribers } = population;
  return (rng, category, style, caller, service) => {
    let e164: string;
    switch (category) {
      case 'emergency':
        return { e164: null, written: pickEmergency(rng), trunkPrefixed: false };
      case 'short_code':
        return { e164: null, written: service === 'sms' ? rng.pick(SMS_SHORT_CODES) : pickVoiceShortCode(rng), trunkPrefixed: false };
      case 'data':
        return { e164: null, written: '', trunkPrefixed: false };
      case 'on_net': {
        let other = rng.pick(subscribers);
        // A one-subscriber population can only call itself; that is still an on-net call.
        if (other === caller && subscribers.length > 1) other = subscribers[(subscribers.indexOf(caller) + 1) % subscribers.length] as Subscriber;
        e164 = other.msisdn;
        break;
      }
      case 'local':
        e164 = numberIn(rng, LOCAL_BLOCKS);
        break;
      case 'national':
        e164 = numberIn(rng, NATIONAL_BLOCKS);
        break;
      case 'mobile':
        e164 = numberIn(rng, MOBILE_BLOCKS);
        break;
      case 'international': {
        const block = pickInternational(rng);
        e164 = block.prefix + rng.digits(block.digits);
        break;
      }
      case 'toll_free':
        e164 = numberIn(rng, TOLL_FREE_BLOCKS);
        break;
      case 'premium_rate':
        e164 = numberIn(rng, PREMIUM_BLOCKS);
        break;
    }
    return { e164, ...writeNumber(rng, e164, style) };
  };
}
