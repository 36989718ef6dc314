import { Metadata, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { quarantine, showValue, type QuarantineOutcome } from '../cdr/create-outcome.ts';
import type { CdrFormat, Direction, UsageRecord } from '../cdr/usage-record.types.ts';
import { BillingError } from '../errors.ts';
import type { OperatorSettings } from './classification.types.ts';
import { isInternalExtension, parseExtensionRange, type ExtensionRange } from './compile-settings.ts';
import { normalizeParty } from './normalize-party.ts';

/**
 * The operator's facts a record's direction is decided from, as plain data: it is stored with an
 * ingest batch so a quarantine replay decides exactly as the ingest did.
 */
export interface DirectionRules {
  inboundContexts: readonly string[];
  outboundContexts: readonly string[];
  internalContexts: readonly string[];
  transitContexts: readonly string[];
  /** E.164 prefixes (digits, no +) of the numbers the operator serves (onNetPrefixes). */
  ownPrefixes: readonly string[];
  /** The operator's internal extensions ("1000-1999" or single numbers). */
  internalExtensions: readonly string[];
  /** Outside-line codes a switch may leave in front of a dialled number. */
  trunkPrefixes: readonly string[];
  /** The home country's calling code, national (trunk) prefix and international (IDD) prefix. */
  countryCode: string;
  nationalPrefix: string;
  internationalPrefix: string;
  /** MCC-MNC of the operator's networks: a generic record whose IMSI is from another is a visitor's. */
  homeNetworks: readonly string[];
}

/** The direction rules of the operator's settings. */
export function directionRulesFor(settings: OperatorSettings): DirectionRules {
  const country = settings.homeCountry.toUpperCase() as CountryCode;
  let countryCode: string;
  const plan = new Metadata() as unknown as { selectNumberingPlan(c: string): void; numberingPlan?: { nationalPrefix(): string | undefined; IDDPrefix(): string | undefined } };
  try {
    countryCode = getCountryCallingCode(country);
    plan.selectNumberingPlan(country);
  } catch {
    throw new BillingError('INVALID_CONFIG', `homeCountry "${settings.homeCountry}" has no numbering plan metadata`);
  }
  const idd = plan.numberingPlan?.IDDPrefix() ?? '00';
  return {
    inboundContexts: settings.inboundContexts,
    outboundContexts: settings.outboundContexts,
    internalContexts: settings.internalContexts,
    transitContexts: settings.transitContexts,
    ownPrefixes: settings.onNetPrefixes,
    internalExtensions: settings.internalExtensions,
    trunkPrefixes: settings.trunkPrefixes,
    countryCode,
    nationalPrefix: plan.numberingPlan?.nationalPrefix() ?? '',
    // Some plans give the IDD prefix as a pattern (several codes); the common one is "00".
    internationalPrefix: /^\d+$/.test(idd) ? idd : '00',
    homeNetworks: settings.homeNetworks,
  };
}

type ContextClass = 'inbound' | 'outbound' | 'internal' | 'transit';

/**
 * Decides a parsed record's direction in place (direction, subscriber and other party, and the
 * rule that decided), or says why it is quarantined. Run before the plausibility check, so the
 * subscriber it checks is the billed line.
 */
export type DirectionDecider = (record: UsageRecord, format: CdrFormat) => QuarantineOutcome | null;

/**
 * Compiles direction rules once (INVALID_CONFIG when a context is in two lists or an extension
 * range is unusable). Switch records: context, then number ranges, then FreeSWITCH's `direction`
 * column, then the default (outbound from the caller). Generic records keep their direction; an
 * inbound one for a number that is not ours (nor a visitor's SIM) is NOT_OUR_NUMBER.
 */
export function createDirectionDecider(rules: DirectionRules): DirectionDecider {
  const contexts = new Map<string, ContextClass>();
  const add = (names: readonly string[], kind: ContextClass) => {
    for (const name of names) {
      const known = contexts.get(name);
      if (known !== undefined && known !== kind) throw new BillingError('INVALID_CONFIG', `context "${name}" is listed as both ${known} and ${kind}`);
      contexts.set(name, kind);
    }
  };
  add(rules.inboundContexts, 'inbound');
  add(rules.outboundContexts, 'outbound');
  add(rules.internalContexts, 'internal');
  add(rules.transitContexts, 'transit');
  const extensions: ExtensionRange[] = rules.internalExtensions.map(parseExtensionRange);
  const prefixes = new Set(rules.ownPrefixes.filter((p) => p.length > 0));
  const prefixLengths = [...new Set([...prefixes].map((p) => p.length))].sort((a, b) => b - a);
  const trunkPrefixes = [...rules.trunkPrefixes].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const rangesKnown = prefixes.size > 0 || extensions.length > 0;
  const { countryCode, nationalPrefix, internationalPrefix } = rules;
  const homeNetworks = rules.homeNetworks;

  /** Whether a number is one the operator serves: an internal extension, or E.164 under an own prefix. */
  const isOurs = (raw: string, dialled: boolean): boolean => {
    // Nearly every switch writes bare digits (maybe after +): only anything else needs normalising.
    let n = isDigits(raw, raw.charCodeAt(0) === 0x2b ? 1 : 0) ? raw : normalizeParty(raw);
    if (isInternalExtension(n, extensions)) return true;
    if (dialled) {
      for (const t of trunkPrefixes) {
        if (n.length > t.length + 6 && n.startsWith(t)) {
          n = n.slice(t.length);
          break;
        }
      }
    }
    const e164 = toE164(n, countryCode, nationalPrefix, internationalPrefix);
    if (e164 === null) return false;
    for (const len of prefixLengths) if (e164.length >= len && prefixes.has(e164.slice(0, len))) return true;
    return false;
  };

  const set = (record: UsageRecord, direction: Direction, rule: string, swap: boolean) => {
    if (swap) {
      const caller = record.subscriber;
      record.subscriber = record.otherParty;
      record.otherParty = caller;
    }
    record.direction = direction;
    record.directionRule = rule;
  };

  /** By number ranges alone: who of caller and called is ours. */
  const byRanges = (record: UsageRecord, lead: string) => {
    const callerOurs = isOurs(record.subscriber, false);
    const calledOurs = isOurs(record.otherParty, true);
    if (callerOurs && calledOurs) set(record, 'onnet', `${lead}both numbers are ours: on-net`, false);
    else if (callerOurs) set(record, 'outbound', `${lead}calling number is ours, called is not: outbound`, false);
    else if (calledOurs) set(record, 'inbound', `${lead}called number is ours, calling is not: inbound`, true);
    else set(record, 'transit', `${lead}neither number is ours: transit`, false);
  };

  const decideSwitch = (record: UsageRecord, contextField: string) => {
    const context = record.attributes[contextField];
    const kind = context === undefined ? undefined : contexts.get(context);
    if (kind !== undefined) {
      const lead = `${contextField} ${context} is an ${kind} context`;
      if (kind === 'internal') return set(record, 'onnet', `${lead}: on-net`, false);
      if (kind === 'transit') return set(record, 'transit', `${lead}: transit`, false);
      // The context says which end is the subscriber; the ranges say whether the other end is ours too.
      if (kind === 'inbound') {
        if (rangesKnown && !isOurs(record.otherParty, true)) return set(record, 'transit', `${lead}, but the called number is not ours: transit`, false);
        return set(record, 'inbound', `${lead}: inbound, the called line is the subscriber`, true);
      }
      if (rangesKnown && isOurs(record.otherParty, true)) return set(record, 'onnet', `${lead}, and the called number is ours: on-net`, false);
      return set(record, 'outbound', `${lead}: outbound`, false);
    }
    const unknown = context === undefined ? '' : `${contextField} ${context} is in no context list; `;
    if (rangesKnown) return byRanges(record, `${unknown}number ranges: `);
    const legDirection = record.attributes.direction;
    if (legDirection === 'inbound') return set(record, 'inbound', `${unknown}direction column says inbound`, true);
    if (legDirection === 'outbound') return set(record, 'outbound', `${unknown}direction column says outbound`, false);
    return set(record, 'outbound', `${unknown}default: no context or number range decides, outbound from the calling number`, false);
  };

  return (record, format) => {
    if (format === 'asterisk') {
      decideSwitch(record, 'dcontext');
      return null;
    }
    if (format === 'freeswitch') {
      decideSwitch(record, 'context');
      return null;
    }
    record.directionRule = 'as the record says';
    if (record.direction === 'inbound' && rangesKnown && !isOurs(record.subscriber, false) && !isVisitor(record.imsi, homeNetworks)) {
      const swapped = isOurs(record.otherParty, false) ? ` (other_party ${showValue(record.otherParty)} is ours: are subscriber and other_party swapped?)` : '';
      return quarantine('NOT_OUR_NUMBER', `inbound record for ${showValue(record.subscriber)}, which is not one of our numbers (onNetPrefixes, internalExtensions)${swapped}`);
    }
    return null;
  };
}

/** A SIM of another operator on our network (inbound roaming): its records are about a number that is not ours, rightly. */
function isVisitor(imsi: string | null, homeNetworks: readonly string[]): boolean {
  return imsi !== null && homeNetworks.length > 0 && !homeNetworks.some((n) => imsi.startsWith(n));
}

/**
 * A number as E.164 digits: "+" or the international prefix mean international, the national
 * prefix means national, digits already starting with the country code are taken as E.164
 * (switches commonly drop the +), and NANP ten-digit numbers get their 1. Null when not digits.
 */
export function toE164(n: string, countryCode: string, nationalPrefix: string, internationalPrefix: string): string | null {
  if (n.startsWith('+')) return isDigits(n, 1) ? n.slice(1) : null;
  if (!isDigits(n, 0)) return null;
  if (internationalPrefix !== '' && n.startsWith(internationalPrefix)) return n.slice(internationalPrefix.length);
  if (nationalPrefix !== '' && nationalPrefix !== countryCode && n.startsWith(nationalPrefix)) return countryCode + n.slice(nationalPrefix.length);
  if (countryCode === '1' && n.length === 10) return `1${n}`;
  return n;
}

function isDigits(s: string, from: number): boolean {
  if (s.length <= from) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
