/**
 * Number blocks for a UK operator. Every block was checked against libphonenumber-js/max (the
 * classifier's metadata): the obvious Ofcom "drama" mobile range 07700 900xxx is NOT valid there,
 * so subscriber and off-net mobile numbers come from ordinary ranges that are. The tests re-check
 * every block, so a metadata update that invalidates one fails loudly instead of skewing evals.
 */

/** A block of numbers: an E.164 prefix (digits, no '+') followed by `digits` free digits. */
export interface NumberBlock {
  prefix: string;
  digits: number;
  /** The type libphonenumber reports for every number in the block. */
  type: 'MOBILE' | 'FIXED_LINE' | 'FIXED_LINE_OR_MOBILE' | 'TOLL_FREE' | 'PREMIUM_RATE';
  /** ISO 3166 alpha-2 libphonenumber resolves the block to. */
  country: string;
}

const gb = (prefix: string, digits: number, type: NumberBlock['type']): NumberBlock => ({ prefix, digits, type, country: 'GB' });

/** Home network MCC-MNC (234 15 is Vodafone UK; any five- or six-digit code works). */
export const DEFAULT_HOME_NETWORK = '23415';

/** Mobile blocks the operator owns: subscribers live here, so these prefixes are on-net. */
export const SUBSCRIBER_MOBILE_BLOCKS: readonly NumberBlock[] = [gb('4474001', 5, 'MOBILE'), gb('4475002', 5, 'MOBILE'), gb('4478004', 5, 'MOBILE'), gb('4479005', 5, 'MOBILE')];

/** London DDI block for fixed-line business subscribers (020 3555 xxxx), also on-net. */
export const SUBSCRIBER_FIXED_BLOCK: NumberBlock = gb('44203555', 4, 'FIXED_LINE');

/** The operator's local area: London 020. */
export const LOCAL_AREA_PREFIX = '20';

/** Off-net local destinations: London 020 7946 0xxx. */
export const LOCAL_BLOCKS: readonly NumberBlock[] = [gb('442079460', 3, 'FIXED_LINE')];

/** Off-net national geographic destinations (Ofcom 496 0xxx ranges in big cities). */
export const NATIONAL_BLOCKS: readonly NumberBlock[] = [
  gb('441614960', 3, 'FIXED_LINE'), // Manchester 0161
  gb('441134960', 3, 'FIXED_LINE'), // Leeds 0113
  gb('441174960', 3, 'FIXED_LINE'), // Bristol 0117
  gb('441214960', 3, 'FIXED_LINE'), // Birmingham 0121
  gb('441314960', 3, 'FIXED_LINE'), // Edinburgh 0131
  gb('441414960', 3, 'FIXED_LINE'), // Glasgow 0141
  gb('441184960', 3, 'FIXED_LINE'), // Reading 0118
];

/** Off-net mobile destinations (other UK networks). */
export const MOBILE_BLOCKS: readonly NumberBlock[] = [gb('4473901', 5, 'MOBILE'), gb('4475701', 5, 'MOBILE'), gb('4478802', 5, 'MOBILE'), gb('4477701', 5, 'MOBILE')];

export const TOLL_FREE_BLOCKS: readonly NumberBlock[] = [gb('44800', 7, 'TOLL_FREE'), gb('44808', 7, 'TOLL_FREE')];

export const PREMIUM_BLOCKS: readonly NumberBlock[] = [gb('44906', 7, 'PREMIUM_RATE'), gb('44909', 7, 'PREMIUM_RATE')];

const intl = (country: string, prefix: string, digits: number, type: NumberBlock['type']): NumberBlock => ({ prefix, digits, type, country });

/** International destinations with a relative popularity for calls from the UK. */
export const INTERNATIONAL_BLOCKS: readonly (readonly [NumberBlock, number])[] = [
  [intl('US', '121255501', 2, 'FIXED_LINE_OR_MOBILE'), 8], // New York 212 555-01xx
  [intl('US', '141555501', 2, 'FIXED_LINE_OR_MOBILE'), 5], // San Francisco 415 555-01xx
  [intl('US', '164655501', 2, 'FIXED_LINE_OR_MOBILE'), 3],
  [intl('CA', '141655501', 2, 'FIXED_LINE_OR_MOBILE'), 2],
  [intl('FR', '3314', 7, 'FIXED_LINE'), 7], // Paris 01 4x
  [intl('FR', '3361', 7, 'MOBILE'), 5],
  [intl('DE', '4930', 8, 'FIXED_LINE'), 5], // Berlin
  [intl('DE', '49151', 8, 'MOBILE'), 4],
  [intl('IN', '9198', 8, 'MOBILE'), 8],
  [intl('ES', '3491', 7, 'FIXED_LINE'), 4], // Madrid
  [intl('ES', '346', 8, 'MOBILE'), 4],
  [intl('IT', '3902', 8, 'FIXED_LINE'), 3], // Milan (Rome 06 overlaps the Vatican)
  [intl('IT', '39347', 7, 'MOBILE'), 3],
  [intl('NG', '234803', 7, 'MOBILE'), 4],
  [intl('IE', '3531', 7, 'FIXED_LINE'), 4], // Dublin
  [intl('PL', '4822', 7, 'FIXED_LINE'), 3],
  [intl('PT', '35191', 7, 'MOBILE'), 2],
  [intl('NL', '3120', 7, 'FIXED_LINE'), 2],
  [intl('AU', '6129', 7, 'FIXED_LINE'), 2], // Sydney
  [intl('AE', '97150', 7, 'MOBILE'), 2],
  [intl('PH', '63917', 7, 'MOBILE'), 2],
  [intl('GR', '30694', 7, 'MOBILE'), 1],
  [intl('BR', '551130', 6, 'FIXED_LINE'), 1],
];

/** Emergency numbers as dialled in the UK. */
export const EMERGENCY_NUMBERS: readonly (readonly [string, number])[] = [
  ['999', 8],
  ['112', 2],
];

/**
 * Operator service short codes: 150 customer care, 1571 voicemail, 123 speaking clock, 17070 line
 * test, 2222 balance. None collides with an emergency number in the classifier's default list.
 */
export const VOICE_SHORT_CODES: readonly (readonly [string, number])[] = [
  ['150', 5],
  ['1571', 8],
  ['123', 1],
  ['17070', 1],
  ['2222', 2],
];

/** SMS short codes: votes, parking, charity text-to-donate. */
export const SMS_SHORT_CODES: readonly string[] = ['80010', '60300', '70085', '88802', '61010'];

/** A foreign network for roaming: MCC-MNC and the country it serves. */
export interface ForeignNetwork {
  network: string;
  country: string;
}

/** Networks our subscribers roam on, weighted towards where UK travellers go. */
export const ROAMING_NETWORKS: readonly (readonly [ForeignNetwork, number])[] = [
  [{ network: '20801', country: 'FR' }, 8], // Orange FR
  [{ network: '20810', country: 'FR' }, 3], // SFR
  [{ network: '21407', country: 'ES' }, 8], // Movistar
  [{ network: '26201', country: 'DE' }, 5], // Telekom DE
  [{ network: '22210', country: 'IT' }, 4], // Vodafone IT
  [{ network: '27201', country: 'IE' }, 4], // Vodafone IE
  [{ network: '26801', country: 'PT' }, 3], // Vodafone PT
  [{ network: '20205', country: 'GR' }, 2], // Vodafone GR
  [{ network: '20416', country: 'NL' }, 2], // Odido NL
  [{ network: '310260', country: 'US' }, 4], // T-Mobile US (3-digit MNC)
  [{ network: '42402', country: 'AE' }, 1], // Etisalat
];

/** Foreign subscribers visiting the UK (inbound roamers): their MSISDN block and home network. */
export const VISITOR_HOMES: readonly (readonly [NumberBlock, ForeignNetwork])[] = [
  [intl('FR', '3361', 7, 'MOBILE'), { network: '20801', country: 'FR' }],
  [intl('DE', '49151', 8, 'MOBILE'), { network: '26201', country: 'DE' }],
  [intl('ES', '346', 8, 'MOBILE'), { network: '21407', country: 'ES' }],
  [intl('IT', '39347', 7, 'MOBILE'), { network: '22210', country: 'IT' }],
  [intl('US', '121255501', 2, 'FIXED_LINE_OR_MOBILE'), { network: '310260', country: 'US' }],
];

/** Access code business PBX users dial for an outside line. */
export const TRUNK_PREFIX = '9';
