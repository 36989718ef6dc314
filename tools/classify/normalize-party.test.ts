import { describe, expect, it } from 'vitest';
import { normalizeParty } from './normalize-party.ts';

describe('normalizeParty', () => {
  it.each([
    ['01614960123', '01614960123'],
    [' 020 7946 0123 ', '02079460123'],
    ['(020) 7946-0123', '02079460123'],
    ['020.7946.0123', '02079460123'],
    ['+44 (0)20 7946 0123', '+442079460123'],
    ['sip:1234@host', '1234'],
    ['sips:+441614960123@gw.example.net;user=phone', '+441614960123'],
    ['SIP:1001@pbx', '1001'],
    ['tel:+1-212-555-0123;phone-context=example.com', '+12125550123'],
    ['"Reception" <sip:1001@pbx.local>', '1001'],
    ['<sip:%2B441614960123@gw>', '+441614960123'],
    ['1001@pbx', '1001'],
    ['sip:%zz@gw', '%zz'],
    ['12;ab', '12;ab'], // not a URI: nothing is cut, so garbage stays garbage
    ['*100#', '*100#'],
    ['', ''],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeParty(raw)).toBe(expected);
  });
});
