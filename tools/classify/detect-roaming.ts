import type { UsageRecord } from '../cdr/usage-record.types.ts';
import type { OperatorSettings, Roaming } from './classification.types.ts';
import { countryForMcc } from './mcc-countries.ts';

/** The record fields roaming depends on. */
export type RoamingEvidence = Pick<UsageRecord, 'imsi' | 'servingNetwork' | 'visitedCountry'>;

type RoamingSettings = Pick<OperatorSettings, 'homeCountry' | 'homeNetworks'>;

// Sources write MCC-MNC as "20801", "208-01" or "208 01".
const MCC_MNC = /^(\d{3})[-\s/]?(\d{2,3})$/;
const IMSI = /^\d{6,15}$/;
const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * Roaming from the record's network evidence: 'outbound' when our subscriber is served abroad or
 * by a network that is not ours, 'inbound' when a visitor's IMSI is served on our network.
 */
export function detectRoaming(record: RoamingEvidence, settings: RoamingSettings): Roaming {
  const homeCountry = settings.homeCountry.toUpperCase();
  const servingText = record.servingNetwork?.trim() ?? '';
  const serving = parseMccMnc(servingText);
  const visited = parseCountry(record.visitedCountry);

  const servingIsOurs = serving === null ? null : isHomeNetwork(serving, settings.homeNetworks, homeCountry);
  if (servingIsOurs === false || (visited !== null && visited !== homeCountry)) return 'outbound';

  // A visitor counts only when served on our network: no serving network in the record means the
  // record came from our own switch; an unrecognisable one proves nothing.
  if (servingText !== '' && servingIsOurs !== true) return 'none';
  const imsi = record.imsi?.trim() ?? '';
  if (!IMSI.test(imsi)) return 'none';
  // An IMSI carries no MNC length, so ours means "starts with one of our MCC-MNCs".
  const imsiIsOurs = settings.homeNetworks.length > 0 ? settings.homeNetworks.some((network) => imsi.startsWith(network)) : isHomeCountryMcc(imsi.slice(0, 3), homeCountry);
  return imsiIsOurs === false ? 'inbound' : 'none';
}

/** Whether an MCC-MNC is ours: listed in homeNetworks, or (none listed) an MCC of the home country; null when unknowable. */
function isHomeNetwork(mccMnc: string, homeNetworks: readonly string[], homeCountry: string): boolean | null {
  if (homeNetworks.length > 0) return homeNetworks.includes(mccMnc);
  return isHomeCountryMcc(mccMnc.slice(0, 3), homeCountry);
}

// An MCC missing from the table (test network 001, private 999) is no evidence either way.
function isHomeCountryMcc(mcc: string, homeCountry: string): boolean | null {
  const country = countryForMcc(mcc);
  return country === null ? null : country === homeCountry;
}

// Malformed network evidence is never read as "abroad": roaming has no "unknown".
function parseMccMnc(text: string): string | null {
  const match = MCC_MNC.exec(text);
  return match ? `${match[1]}${match[2]}` : null;
}

function parseCountry(raw: string | null): string | null {
  const trimmed = raw?.trim() ?? '';
  return COUNTRY.test(trimmed) ? trimmed.toUpperCase() : null;
}
