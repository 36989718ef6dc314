import { accept, quarantine, showValue, type QuarantineOutcome } from './create-outcome.ts';
import { parseDurationMs } from './parse-duration-ms.ts';
import { parseIsoTimestamp } from './parse-iso-timestamp.ts';
import { NUMBER_EMPTY, NUMBER_NEGATIVE, parseWholeNumber } from './parse-whole-number.ts';
import { directionSchema, dispositionSchema, serviceSchema, type Direction, type Disposition, type ParseOutcome, type QuarantineReason, type Service, type UsageRecord } from './usage-record.types.ts';

/** The fields of the generic CSV / JSON Lines format (docs/cdr-formats.md); anything else is kept as an attribute. */
export const GENERIC_FIELDS = [
  'record_id',
  'service',
  'direction',
  'subscriber',
  'imsi',
  'serving_network',
  'visited_country',
  'other_party',
  'start',
  'duration',
  'disposition',
  'volume',
  'notes',
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];

const KNOWN = new Set<string>(GENERIC_FIELDS);
const SERVICES = new Set<string>(serviceSchema.options);
const DIRECTIONS = new Set<string>(directionSchema.options);
const DISPOSITIONS = new Set<string>(dispositionSchema.options);
const IMSI = /^\d{6,15}$/;
const MCC_MNC = /^\d{5,6}$/;
const COUNTRY = /^[A-Za-z]{2}$/;

// Thrown inside one normalisation and caught at its top: each check stays one line and the first
// failure wins. It never escapes normalizeGenericFields.
class Reject {
  constructor(readonly outcome: QuarantineOutcome) {}
}

function reject(reason: QuarantineReason, message: string): never {
  throw new Reject(quarantine(reason, message));
}

/**
 * Validates and normalises one generic record (CSV cells or a JSON object, keyed by field name)
 * into a UsageRecord, or says why it is quarantined. Strings are trimmed; identifiers may also be
 * JSON integers; absent, null and empty all mean "not given".
 */
export function normalizeGenericFields(fields: Readonly<Record<string, unknown>>, timezone: string): ParseOutcome {
  try {
    return accept(normalize(fields, timezone));
  } catch (err) {
    if (err instanceof Reject) return err.outcome;
    throw err;
  }
}

function normalize(fields: Readonly<Record<string, unknown>>, timezone: string): UsageRecord {
  const serviceText = text(fields, 'service').toLowerCase();
  if (serviceText === '') reject('MISSING_FIELD', 'service is missing');
  if (!SERVICES.has(serviceText)) reject('UNKNOWN_SERVICE', `service ${showValue(serviceText)} is not voice, sms or data`);
  const service = serviceText as Service;

  // Whether it is a number is the plausibility check's (check-record-plausibility.ts), as for every format.
  const subscriber = required(fields, 'subscriber');
  const direction = (text(fields, 'direction').toLowerCase() || 'outbound') as Direction;
  if (!DIRECTIONS.has(direction)) reject('INVALID_VALUE', `direction ${showValue(direction)} is not one of ${directionSchema.options.join(', ')}`);
  const disposition = (text(fields, 'disposition').toLowerCase() || 'answered') as Disposition;
  if (!DISPOSITIONS.has(disposition)) {
    reject('UNKNOWN_DISPOSITION', `disposition ${showValue(disposition)} is not one of ${dispositionSchema.options.join(', ')}`);
  }

  const startText = required(fields, 'start');
  const startTime = parseIsoTimestamp(startText, timezone);
  if (startTime !== startTime) reject('INVALID_DATE', `start ${showValue(startText)} is not an existing ISO 8601 date-time`);

  const imsi = text(fields, 'imsi');
  if (imsi !== '' && !IMSI.test(imsi)) reject('INVALID_VALUE', `imsi ${showValue(imsi)} is not 6 to 15 digits`);
  const servingNetwork = text(fields, 'serving_network');
  if (servingNetwork !== '' && !MCC_MNC.test(servingNetwork)) {
    reject('INVALID_VALUE', `serving_network ${showValue(servingNetwork)} is not a 5- or 6-digit MCC-MNC`);
  }
  const country = text(fields, 'visited_country');
  if (country !== '' && !COUNTRY.test(country)) {
    reject('INVALID_VALUE', `visited_country ${showValue(country)} is not a two-letter ISO 3166 code`);
  }

  const otherParty = service === 'data' ? text(fields, 'other_party') : required(fields, 'other_party');
  const durationMs = duration(fields, service === 'voice');
  let usage: number;
  if (service === 'voice') {
    // duration is billable time, which an unanswered call cannot have.
    if (disposition !== 'answered' && (durationMs ?? 0) > 0) {
      reject('INCONSISTENT_TIMES', `a ${disposition} call has ${durationMs} ms of billable duration`);
    }
    usage = durationMs ?? 0;
  } else {
    usage = volume(fields, service === 'sms' ? 1 : null);
  }

  const attributes: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    if (KNOWN.has(key) && key !== 'notes' && !(key === 'volume' && service === 'voice')) continue;
    const value = attributeText(fields[key]);
    if (value !== '') setAttribute(attributes, key, value);
  }

  const recordId = text(fields, 'record_id');
  return {
    sourceId: recordId === '' ? null : recordId,
    service,
    direction,
    subscriber,
    otherParty,
    imsi: imsi === '' ? null : imsi,
    servingNetwork: servingNetwork === '' ? null : servingNetwork,
    visitedCountry: country === '' ? null : country.toUpperCase(),
    startTime,
    answerTime: service === 'voice' && disposition === 'answered' ? startTime : null,
    endTime: durationMs !== null ? startTime + durationMs : service === 'sms' ? startTime : null,
    duration: usage,
    usage,
    disposition,
    attributes,
  };
}

/** The field as trimmed text ('' when absent); integers from JSON are accepted for identifiers. */
function text(fields: Readonly<Record<string, unknown>>, name: GenericField): string {
  const value = fields[name];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return reject('INVALID_VALUE', `${name} must be a string, not ${JSON.stringify(value)?.slice(0, 40)}`);
}

function required(fields: Readonly<Record<string, unknown>>, name: GenericField): string {
  const value = text(fields, name);
  if (value === '') reject('MISSING_FIELD', `${name} is missing`);
  return value;
}

/** The duration in ms, null when absent (an error for voice, where it is required). */
function duration(fields: Readonly<Record<string, unknown>>, isRequired: boolean): number | null {
  const raw = numberText(fields, 'duration');
  const ms = parseDurationMs(raw);
  if (ms >= 0) return ms;
  if (ms === NUMBER_EMPTY) return isRequired ? reject('MISSING_FIELD', 'duration is missing') : null;
  if (ms === NUMBER_NEGATIVE) reject('NEGATIVE_DURATION', `duration ${showValue(raw)} is negative`);
  return reject('INVALID_NUMBER', `duration ${showValue(raw)} is not seconds (up to 3 decimals) or a Go duration like 2m10s`);
}

/** The volume as a whole number, `fallback` when absent (null fallback: required). */
function volume(fields: Readonly<Record<string, unknown>>, fallback: number | null): number {
  const raw = numberText(fields, 'volume');
  const n = parseWholeNumber(raw);
  if (n >= 0) return n;
  if (n === NUMBER_EMPTY) return fallback ?? reject('MISSING_FIELD', 'volume is missing');
  if (n === NUMBER_NEGATIVE) reject('NEGATIVE_DURATION', `volume ${showValue(raw)} is negative`);
  return reject('INVALID_NUMBER', `volume ${showValue(raw)} is not a whole number`);
}

/** A numeric field as text: JSON numbers go through their shortest decimal form, so 12.5 stays "12.5" and no float arithmetic follows. */
function numberText(fields: Readonly<Record<string, unknown>>, name: GenericField): string {
  const value = fields[name];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return reject('INVALID_NUMBER', `${name} must be a number, not ${JSON.stringify(value)?.slice(0, 40)}`);
}

function attributeText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function setAttribute(attributes: Record<string, string>, key: string, value: string): void {
  // Plain assignment to "__proto__" would change the prototype instead of keeping the value.
  if (key === '__proto__') Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
  else attributes[key] = value;
}
