import { describe, expect, it } from 'vitest';
import { classifyRecord, createRecordClassifier } from './classify-record.ts';
import type { Classification } from './classification.types.ts';
import { GB_SETTINGS, US_SETTINGS, makeRecord, makeSettings } from './test-fixtures.ts';

function classify(otherParty: string, settings = GB_SETTINGS): Classification {
  return classifyRecord(makeRecord(otherParty), settings);
}

describe('classifyRecord, GB home country', () => {
  it.each([
    // [dialled, category, destination, destinationCountry]
    ['020 7946 0123', 'local', '442079460123', 'GB'],
    ['02079460999', 'local', '442079460999', 'GB'],
    ['0161 496 0123', 'national', '441614960123', 'GB'],
    ['+44 161 496 0123', 'national', '441614960123', 'GB'],
    ['+44 (0)161 496 0123', 'national', '441614960123', 'GB'],
    ['441614960123', 'national', '441614960123', 'GB'],
    ['07700 123456', 'mobile', '447700123456', 'GB'],
    ['447700123456', 'mobile', '447700123456', 'GB'],
    ['0800 123 456', 'toll_free', '44800123456', 'GB'],
    ['0808 157 0123', 'toll_free', '448081570123', 'GB'],
    ['0909 879 0123', 'premium_rate', '449098790123', 'GB'],
    ['0845 600 0123', 'premium_rate', '448456000123', 'GB'],
    ['0300 123 4567', 'national', '443001234567', 'GB'], // UAN: geographic-rate by regulation
    ['0560 123 4567', 'national', '445601234567', 'GB'], // VOIP
    ['0701 123 4567', 'mobile', '447011234567', 'GB'], // PERSONAL_NUMBER
    ['0760 012 3456', 'mobile', '447600123456', 'GB'], // PAGER
    ['+1 212 555 0123', 'international', '12125550123', 'US'],
    ['12125550123', 'international', '12125550123', 'US'], // bare E.164, not valid nationally
    ['00 33 1 23 45 67 89', 'international', '33123456789', 'FR'],
    ['+33 6 12 34 56 78', 'international', '33612345678', 'FR'],
    ['07624 123456', 'international', '447624123456', 'IM'], // Isle of Man shares +44
    ['+800 1234 5678', 'international', '80012345678', null], // non-geographic: no country
    ['07400 123456', 'on_net', '447400123456', 'GB'], // onNetPrefixes 447400
    ['+447400123456', 'on_net', '447400123456', 'GB'],
  ] as const)('%s -> %s', (dialled, category, destination, destinationCountry) => {
    expect(classify(dialled)).toEqual({ category, roaming: 'none', destination, destinationCountry, reason: null });
  });

  it.each([
    ['999', 'emergency'],
    ['112', 'emergency'],
    ['150', 'short_code'],
    ['123456', 'short_code'],
    ['1001', 'on_net'],
    ['1999', 'on_net'],
  ] as const)('%s -> %s with the dialled string as destination', (dialled, category) => {
    expect(classify(dialled)).toEqual({ category, roaming: 'none', destination: dialled, destinationCountry: null, reason: null });
  });

  it('treats 2000 (outside the 1000-1999 extension range) as a short code', () => {
    expect(classify('2000').category).toBe('short_code');
  });

  it('strips the outside-line prefix 9 before a valid number', () => {
    expect(classify('9 0161 496 0123')).toMatchObject({ category: 'national', destination: '441614960123' });
    expect(classify('9+33123456789')).toMatchObject({ category: 'international', destinationCountry: 'FR' });
  });

  it('strips the outside-line prefix before an emergency number (PBX users dial 9 999)', () => {
    expect(classify('9999')).toMatchObject({ category: 'emergency', destination: '999' });
  });

  it('does not strip the prefix when the rest is not a number (9150 stays a short code)', () => {
    expect(classify('9150')).toMatchObject({ category: 'short_code', destination: '9150' });
  });

  it('strips SIP decoration and name-addr wrappers', () => {
    expect(classify('sip:+441614960123@gw.example.net;user=phone')).toMatchObject({ category: 'national', destination: '441614960123' });
    expect(classify('"Reception" <sip:1001@pbx.local>')).toMatchObject({ category: 'on_net', destination: '1001' });
    expect(classify('tel:+1-212-555-0123')).toMatchObject({ category: 'international', destinationCountry: 'US' });
  });

  it('never guesses: invalid numbers are unclassified with a reason', () => {
    expect(classify('abc')).toEqual({
      category: 'unclassified',
      roaming: 'none',
      destination: null,
      destinationCountry: null,
      reason: 'not a valid number for GB or E.164: abc',
    });
    expect(classify('12ab').reason).toBe('not a valid number for GB or E.164: 12ab');
    expect(classify('0161 496').category).toBe('unclassified');
    expect(classify('*100#').category).toBe('unclassified');
    expect(classify('').reason).toBe('no other party: the number is empty');
  });

  it('leaves the Ofcom drama mobile range 07700 900xxx unclassified: libphonenumber excludes it from valid mobiles', () => {
    // 020 7946 0xxx and 0161 496 0xxx drama ranges are valid fixed lines; the mobile one is not.
    expect(classify('07700 900123')).toMatchObject({ category: 'unclassified', reason: 'not a valid number for GB or E.164: 07700900123' });
  });

  it('classifies data sessions as data with no destination, still computing roaming', () => {
    const record = makeRecord('', { service: 'data', servingNetwork: '20801' });
    expect(classifyRecord(record, GB_SETTINGS)).toEqual({
      category: 'data',
      roaming: 'outbound',
      destination: null,
      destinationCountry: null,
      reason: null,
    });
  });

  it('classifies SMS like voice', () => {
    expect(classifyRecord(makeRecord('07700123456', { service: 'sms' }), GB_SETTINGS).category).toBe('mobile');
    expect(classifyRecord(makeRecord('81234', { service: 'sms' }), GB_SETTINGS).category).toBe('short_code');
  });

  it('reports roaming alongside the category', () => {
    const abroad = makeRecord('0161 496 0123', { servingNetwork: '20801' });
    expect(classifyRecord(abroad, GB_SETTINGS)).toMatchObject({ category: 'national', roaming: 'outbound' });
    const visitor = makeRecord('0161 496 0123', { imsi: '208011234567890', servingNetwork: '23415' });
    expect(classifyRecord(visitor, GB_SETTINGS)).toMatchObject({ category: 'national', roaming: 'inbound' });
  });
});

describe('classifyRecord, rule precedence', () => {
  it('puts emergency numbers before an extension range that covers them', () => {
    const settings = makeSettings({ homeCountry: 'GB', internalExtensions: ['100-199'] });
    expect(classify('112', settings).category).toBe('emergency');
    expect(classify('150', settings).category).toBe('on_net');
  });

  it('does not strip a trunk prefix from an exact extension', () => {
    const settings = makeSettings({ homeCountry: 'GB', internalExtensions: ['9000-9999'], trunkPrefixes: ['9'] });
    expect(classify('9112', settings)).toMatchObject({ category: 'on_net', destination: '9112' });
  });

  it('strips multi-character access codes (UK 141 withhold-CLI, NANP *67), longest first', () => {
    const settings = makeSettings({ homeCountry: 'GB', trunkPrefixes: ['9', '141', '*67'] });
    expect(classify('141 0161 496 0123', settings)).toMatchObject({ category: 'national', destination: '441614960123' });
    expect(classify('*67 +1 212 555 0123', settings)).toMatchObject({ category: 'international', destinationCountry: 'US' });
  });

  it('honours shortCodeMaxDigits', () => {
    const settings = makeSettings({ homeCountry: 'GB', shortCodeMaxDigits: 3 });
    expect(classify('150', settings).category).toBe('short_code');
    expect(classify('1234', settings).category).toBe('unclassified');
  });

  it('reads national fixed numbers as national when no local prefixes are configured', () => {
    expect(classify('020 7946 0123', makeSettings({ homeCountry: 'GB' })).category).toBe('national');
  });
});

describe('classifyRecord, US (NANP) home country', () => {
  it.each([
    ['212 555 0123', 'local', '12125550123', 'US'],
    ['(646) 555-0123', 'local', '16465550123', 'US'],
    ['1 617 555 0123', 'national', '16175550123', 'US'],
    ['617-555-0123', 'national', '16175550123', 'US'],
    ['1-800-555-0123', 'toll_free', '18005550123', 'US'],
    ['900 555 0123', 'premium_rate', '19005550123', 'US'],
    ['011 44 161 496 0123', 'international', '441614960123', 'GB'],
    ['00 44 161 496 0123', 'international', '441614960123', 'GB'],
    ['+1 416 555 0123', 'international', '14165550123', 'CA'],
    ['9 1 212 555 0123', 'local', '12125550123', 'US'],
  ] as const)('%s -> %s', (dialled, category, destination, destinationCountry) => {
    expect(classify(dialled, US_SETTINGS)).toEqual({ category, roaming: 'none', destination, destinationCountry, reason: null });
  });

  it.each([
    ['911', 'emergency'],
    ['411', 'short_code'],
    ['250', 'on_net'],
  ] as const)('%s -> %s', (dialled, category) => {
    expect(classify(dialled, US_SETTINGS)).toMatchObject({ category, destination: dialled });
  });

  it('detects outbound roaming of a NANP subscriber in Mexico', () => {
    const record = makeRecord('212 555 0123', { servingNetwork: '334020' });
    expect(classifyRecord(record, US_SETTINGS).roaming).toBe('outbound');
  });
});

describe('createRecordClassifier memo', () => {
  it('returns the same results with and without the memo, also after evictions', () => {
    const memoised = createRecordClassifier({ cacheSize: 3 });
    const plain = createRecordClassifier({ cacheSize: 0 });
    const numbers = ['02079460123', '01614960123', '999', '07700123456', 'abc', '02079460123', '1001', '01614960123'];
    for (const n of [...numbers, ...numbers]) {
      const record = makeRecord(n);
      expect(memoised(record, GB_SETTINGS)).toEqual(plain(record, GB_SETTINGS));
    }
  });

  it('keeps analyses of different numbering plans apart', () => {
    const classifier = createRecordClassifier();
    const london = makeSettings({ homeCountry: 'GB', localAreaPrefixes: ['20'] });
    const manchester = makeSettings({ homeCountry: 'GB', localAreaPrefixes: ['161'] });
    expect(classifier(makeRecord('02079460123'), london).category).toBe('local');
    expect(classifier(makeRecord('02079460123'), manchester).category).toBe('national');
  });

  it('sees a settings field reassigned after first use', () => {
    const classifier = createRecordClassifier();
    const settings = makeSettings({ homeCountry: 'GB' });
    expect(classifier(makeRecord('02079460123'), settings).category).toBe('national');
    settings.localAreaPrefixes = ['20'];
    expect(classifier(makeRecord('02079460123'), settings).category).toBe('local');
  });

  it('returns a fresh object each call so callers cannot corrupt the memo', () => {
    const first = classifyRecord(makeRecord('01614960123'), GB_SETTINGS);
    first.destination = 'tampered';
    expect(classifyRecord(makeRecord('01614960123'), GB_SETTINGS).destination).toBe('441614960123');
  });
});

describe('classifyRecord, unusable settings', () => {
  it('throws INVALID_CONFIG for a home country without numbering metadata', () => {
    const settings = makeSettings({ homeCountry: 'ZZ' });
    expect(() => classify('01614960123', settings)).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });

  it('throws INVALID_CONFIG for an inverted extension range', () => {
    const settings = makeSettings({ homeCountry: 'GB', internalExtensions: ['1999-1000'] });
    expect(() => classify('1500', settings)).toThrow(/inverted/);
  });
});
