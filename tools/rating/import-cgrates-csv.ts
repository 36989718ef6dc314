import { BillingError } from '../errors.ts';
import { dec } from '../money/index.ts';
import type { DestinationRate, RateSlot, RatingPlanEntry, RatingProfile, TariffPlan, Timing } from './tariff.types.ts';
import { checkCanonicalPlan, validateTariffReferences } from './validate-tariff-references.ts';
import {
  atLocation,
  checkRateSlot,
  checkTariffCurrency,
  checkTariffId,
  checkTariffTimezone,
  parseMaxCostStrategy,
  parseTariffDecimal,
  parseTariffInstant,
  parseTariffQuantity,
  parseTariffRounding,
  parseTariffRoundingDecimals,
  parseTariffWeight,
  parseTimingList,
  parseTimingWindow,
  sortRateSlots,
  tariffError,
  type TariffLocation,
  type TariffLocator,
  type TariffSection,
} from './parse-tariff-fields.ts';

/**
 * Imports a CGRateS tariff plan (the six rating CSV files of a tariffplan folder) into the
 * canonical TariffPlan. File IO is the caller's: `files` maps file names ("Rates.csv", or a path
 * ending in it) to their text.
 *
 * Column layouts (first line of each file is usually a `#` comment naming them):
 *   Destinations:     Id, Prefix
 *   Rates:            Id, ConnectFee, Rate, RateUnit, RateIncrement, GroupIntervalStart
 *   DestinationRates: Id, DestinationId|*any, RatesTag, RoundingMethod, RoundingDecimals, [MaxCost, [MaxCostStrategy]]
 *   Timings:          Id, Years, Months, MonthDays, WeekDays, Time
 *   RatingPlans:      Id, DestinationRatesId, TimingTag|*any, Weight
 *   RatingProfiles:   Tenant, Category, Subject, ActivationTime, RatingPlanId, [FallbackSubject]
 *
 * Every problem is a BillingError INVALID_TARIFF whose message starts with "File.csv line N:".
 */

export interface CgratesImportOptions {
  /** Id of the resulting tariff plan. */
  id: string;
  /** IANA zone the timings are evaluated in (and offset-less activation times are read in). Default UTC. */
  timezone?: string;
  /** Currency of the costs (CGRateS costs are unit-less). Default EUR. */
  currency?: string;
}

export interface TariffImportResult {
  plan: TariffPlan;
  /** Notes for the operator: ignored files, skipped header rows, unused definitions. */
  messages: string[];
}

type RatingFile = 'Destinations' | 'Rates' | 'DestinationRates' | 'Timings' | 'RatingPlans' | 'RatingProfiles';

/** Columns per file: [required, total]; trailing optional columns may be left out. */
const COLUMNS: Record<RatingFile, [number, number]> = {
  Destinations: [2, 2],
  Rates: [6, 6],
  DestinationRates: [5, 7],
  Timings: [6, 6],
  RatingPlans: [4, 4],
  RatingProfiles: [5, 6],
};
const REQUIRED_FILES: readonly RatingFile[] = ['Rates', 'DestinationRates', 'RatingPlans', 'RatingProfiles'];
const SECTION_FILE: Record<TariffSection, RatingFile> = {
  destinations: 'Destinations',
  rates: 'Rates',
  destinationRates: 'DestinationRates',
  timings: 'Timings',
  ratingPlans: 'RatingPlans',
  ratingProfiles: 'RatingProfiles',
};

interface CsvRow {
  line: number;
  cells: string[];
}

/** Splits one CSV line (RFC 4180 quoting within the line, `""` escapes a quote). Cells are trimmed. */
function splitCsvLine(text: string): string[] | string {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return 'unterminated quoted field';
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      cells.push(value);
      if (i >= text.length) return cells;
      if (text[i] !== ',') return 'text after a closing quote';
      i++;
    } else {
      const comma = text.indexOf(',', i);
      const raw = comma < 0 ? text.slice(i) : text.slice(i, comma);
      if (raw.includes('"')) return 'a quote inside an unquoted field';
      cells.push(raw.trim());
      if (comma < 0) return cells;
      i = comma + 1;
    }
  }
}

/** The data rows of a CSV file: `#` comment lines and blank lines skipped, line numbers 1-based. */
function readCsvRows(file: string, text: string, kind: RatingFile, messages: string[]): CsvRow[] {
  const rows: CsvRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const [required, total] = COLUMNS[kind];
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cells = splitCsvLine(raw);
    if (typeof cells === 'string') throw tariffError({ file, line }, `malformed CSV: ${cells}`);
    // A header row written without the leading '#'.
    if (rows.length === 0 && /^(id|tenant)$/i.test(cells[0] ?? '')) {
      messages.push(`${file} line ${line}: header row without "#" skipped`);
      return;
    }
    if (cells.length < required || cells.length > total) {
      const expected = required === total ? `${total}` : `${required} to ${total}`;
      throw tariffError({ file, line }, `expected ${expected} columns (${kind}), found ${cells.length}`, { columns: cells.length });
    }
    while (cells.length < total) cells.push('');
    rows.push({ line, cells });
  });
  return rows;
}

/** Which rating file a name is ("Rates.csv", "tutorial/rates.csv"), or null. */
function ratingFileOf(name: string): RatingFile | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /^(.*)\.csv$/i.exec(base);
  if (!m) return null;
  const stem = (m[1] ?? '').toLowerCase();
  return (Object.keys(COLUMNS) as RatingFile[]).find((k) => k.toLowerCase() === stem) ?? null;
}

/** Imports a CGRateS tariff plan from its CSV files' text. See the module comment for the format. */
export function importCgratesTariffPlan(files: Record<string, string>, options: CgratesImportOptions): TariffImportResult {
  const messages: string[] = [];
  const fileNames = new Map<RatingFile, string>();
  for (const name of Object.keys(files)) {
    const kind = ratingFileOf(name);
    if (kind === null) {
      messages.push(`ignored ${name}: not a rating file`);
      continue;
    }
    const other = fileNames.get(kind);
    if (other !== undefined) {
      throw new BillingError('INVALID_TARIFF', `${name}: a second ${kind}.csv (already have ${other})`, { file: name, line: null });
    }
    fileNames.set(kind, name);
  }
  for (const kind of REQUIRED_FILES) {
    if (!fileNames.has(kind)) {
      throw new BillingError('INVALID_TARIFF', `${kind}.csv: missing (a CGRateS tariff plan needs Rates, DestinationRates, RatingPlans and RatingProfiles)`, {
        file: `${kind}.csv`,
        line: null,
      });
    }
  }
  for (const kind of ['Destinations', 'Timings'] as const) {
    if (!fileNames.has(kind)) {
      messages.push(`no ${kind}.csv: only ${kind === 'Destinations' ? 'the *any destination' : 'the *any timing'} can be used`);
    }
  }

  const planId = options.id.trim();
  if (planId === '') throw new BillingError('INVALID_TARIFF', 'tariff plan id is empty', { file: null, line: null });
  const optionLocation: TariffLocation = { file: `tariff plan ${planId}`, line: null };
  const timezone = atLocation(optionLocation, {}, () => checkTariffTimezone(options.timezone ?? 'UTC'));
  const currency = atLocation(optionLocation, {}, () => checkTariffCurrency(options.currency ?? 'EUR'));

  // Source lines of every definition, for errors found after parsing: "section\0id\0index".
  const lines = new Map<string, number>();
  const key = (section: TariffSection, id: string, index?: number): string => `${section}\u0000${id}\u0000${index ?? ''}`;
  const remember = (section: TariffSection, id: string, index: number | undefined, line: number): void => {
    if (!lines.has(key(section, id))) lines.set(key(section, id), line);
    if (index !== undefined) lines.set(key(section, id, index), line);
  };
  const fileFor = (section: TariffSection): string => fileNames.get(SECTION_FILE[section]) ?? `${SECTION_FILE[section]}.csv`;
  const locate: TariffLocator = (section, id, index) => ({
    file: fileFor(section),
    line: lines.get(key(section, id, index)) ?? lines.get(key(section, id)) ?? null,
  });

  const rowsOf = (kind: RatingFile): { file: string; rows: CsvRow[] } => {
    const file = fileNames.get(kind);
    if (file === undefined) return { file: `${kind}.csv`, rows: [] };
    return { file, rows: readCsvRows(file, files[file] ?? '', kind, messages) };
  };
  const idCell = (file: string, line: number, value: string, what: string): string => atLocation({ file, line }, { id: value }, () => checkTariffId(value, what));

  // Destinations: Id, Prefix (an id may have many rows).
  const destinations = new Map<string, string[]>();
  {
    const { file, rows } = rowsOf('Destinations');
    for (const { line, cells } of rows) {
      const [rawId = '', prefix = ''] = cells;
      const id = idCell(file, line, rawId, 'Destinations');
      if (prefix === '') throw tariffError({ file, line }, `destination ${id} has an empty prefix`, { id });
      if (/\s/.test(prefix)) throw tariffError({ file, line }, `destination ${id} prefix "${prefix}" contains whitespace`, { id });
      const prefixes = destinations.get(id) ?? [];
      if (prefixes.includes(prefix)) {
        messages.push(`${file} line ${line}: duplicate prefix ${prefix} of ${id} ignored`);
        continue;
      }
      prefixes.push(prefix);
      destinations.set(id, prefixes);
      remember('destinations', id, prefixes.length - 1, line);
    }
  }

  // Rates: Id, ConnectFee, Rate, RateUnit, RateIncrement, GroupIntervalStart (slots of one id on many rows).
  const rates = new Map<string, RateSlot[]>();
  {
    const { file, rows } = rowsOf('Rates');
    const slotsById = new Map<string, { slot: RateSlot; line: number }[]>();
    for (const { line, cells } of rows) {
      const [rawId = '', connectFee = '', rate = '', rateUnit = '', rateIncrement = '', groupIntervalStart = ''] = cells;
      const id = idCell(file, line, rawId, 'Rates');
      const at = { file, line };
      const slot = atLocation(
        at,
        { id },
        () => {
          const s: RateSlot = {
            connectFee: connectFee === '' ? '0' : parseTariffDecimal(connectFee, 'ConnectFee'),
            rate: parseTariffDecimal(rate, 'Rate'),
            rateUnit: parseTariffQuantity(rateUnit, 'RateUnit'),
            rateIncrement: parseTariffQuantity(rateIncrement, 'RateIncrement'),
            groupIntervalStart: groupIntervalStart === '' ? 0 : parseTariffQuantity(groupIntervalStart, 'GroupIntervalStart'),
          };
          checkRateSlot(s);
          return s;
        },
        `Rates ${id}`,
      );
      const list = slotsById.get(id) ?? [];
      list.push({ slot, line });
      slotsById.set(id, list);
    }
    for (const [id, list] of slotsById) {
      const { sorted, duplicateAt } = sortRateSlots(list);
      const dup = sorted[duplicateAt];
      if (dup) {
        const firstLine = sorted[duplicateAt - 1]?.line;
        throw tariffError({ file, line: dup.line }, `Rates ${id} has two slots with GroupIntervalStart ${dup.slot.groupIntervalStart} (the other at line ${firstLine})`, { id });
      }
      sorted.forEach((s, index) => remember('rates', id, index, s.line));
      lines.set(key('rates', id), Math.min(...sorted.map((s) => s.line)));
      rates.set(
        id,
        sorted.map((s) => s.slot),
      );
    }
  }

  // DestinationRates: Id, DestinationId, RatesTag, RoundingMethod, RoundingDecimals, MaxCost, MaxCostStrategy.
  const destinationRates = new Map<string, DestinationRate[]>();
  {
    const { file, rows } = rowsOf('DestinationRates');
    for (const { line, cells } of rows) {
      const [rawId = '', destinationId = '', rateId = '', rounding = '', decimals = '', maxCost = '', strategy = ''] = cells;
      const id = idCell(file, line, rawId, 'DestinationRates');
      const at = { file, line };
      if (destinationId === '') throw tariffError(at, `DestinationRates ${id} has an empty DestinationId (use *any)`, { id });
      if (rateId === '') throw tariffError(at, `DestinationRates ${id} has an empty RatesTag`, { id });
      const row = atLocation(
        at,
        { id },
        (): DestinationRate => ({
          destinationId,
          rateId,
          roundingMethod: parseTariffRounding(rounding),
          roundingDecimals: parseTariffRoundingDecimals(decimals),
          maxCost: maxCost === '' ? null : parseTariffDecimal(maxCost, 'MaxCost'),
          maxCostStrategy: parseMaxCostStrategy(strategy),
        }),
        `DestinationRates ${id}`,
      );
      if (row.maxCostStrategy !== null && (row.maxCost === null || dec(row.maxCost).isZero())) {
        messages.push(`${file} line ${line}: DestinationRates ${id} has MaxCostStrategy ${row.maxCostStrategy} but no MaxCost, so no cap applies`);
      } else if (row.maxCostStrategy === null && row.maxCost !== null && !dec(row.maxCost).isZero()) {
        messages.push(`${file} line ${line}: DestinationRates ${id} has MaxCost ${row.maxCost} but no MaxCostStrategy (state *free or *disconnect)`);
      }
      const list = destinationRates.get(id) ?? [];
      const dup = list.findIndex((r) => r.destinationId === destinationId);
      if (dup >= 0) {
        throw tariffError(at, `DestinationRates ${id} names destination ${destinationId} twice (first at line ${locate('destinationRates', id, dup).line})`, { id });
      }
      list.push(row);
      destinationRates.set(id, list);
      remember('destinationRates', id, list.length - 1, line);
    }
  }

  // Timings: Id, Years, Months, MonthDays, WeekDays, Time.
  const timings = new Map<string, Timing>();
  {
    const { file, rows } = rowsOf('Timings');
    for (const { line, cells } of rows) {
      const [rawId = '', years = '', months = '', monthDays = '', weekDays = '', time = ''] = cells;
      const id = idCell(file, line, rawId, 'Timings');
      const at = { file, line };
      if (timings.has(id)) throw tariffError(at, `timing ${id} is defined twice (first at line ${locate('timings', id).line})`, { id });
      if (/(^|;)\s*0\s*(;|$)/.test(weekDays)) {
        messages.push(`${file} line ${line}: timing ${id} WeekDays 0 read as Sunday (7)`);
      }
      const timing = atLocation(
        at,
        { id },
        (): Timing => ({
          years: parseTimingList(years, 'years'),
          months: parseTimingList(months, 'months'),
          monthDays: parseTimingList(monthDays, 'monthDays'),
          weekDays: parseTimingList(weekDays, 'weekDays', { weekdayZeroIsSunday: true }),
          ...parseTimingWindow(time),
        }),
        `timing ${id}`,
      );
      timings.set(id, timing);
      remember('timings', id, undefined, line);
    }
  }

  // RatingPlans: Id, DestinationRatesId, TimingTag, Weight.
  const ratingPlans = new Map<string, RatingPlanEntry[]>();
  {
    const { file, rows } = rowsOf('RatingPlans');
    for (const { line, cells } of rows) {
      const [rawId = '', destinationRateId = '', timingId = '', weight = ''] = cells;
      const id = idCell(file, line, rawId, 'RatingPlans');
      const at = { file, line };
      if (destinationRateId === '') throw tariffError(at, `RatingPlan ${id} has an empty DestinationRatesId`, { id });
      if (timingId === '') throw tariffError(at, `RatingPlan ${id} has an empty TimingTag (use *any)`, { id });
      const entry: RatingPlanEntry = { destinationRateId, timingId, weight: atLocation(at, { id }, () => parseTariffWeight(weight), `RatingPlan ${id}`) };
      const list = ratingPlans.get(id) ?? [];
      list.push(entry);
      ratingPlans.set(id, list);
      remember('ratingPlans', id, list.length - 1, line);
    }
  }

  // RatingProfiles: Tenant, Category, Subject, ActivationTime, RatingPlanId, FallbackSubject.
  const ratingProfiles: RatingProfile[] = [];
  {
    const { file, rows } = rowsOf('RatingProfiles');
    for (const { line, cells } of rows) {
      const [tenant = '', category = '', subject = '', activation = '', ratingPlanId = '', fallback = ''] = cells;
      const at = { file, line };
      const id = `${tenant}:${category}:${subject}`;
      for (const [name, value] of [
        ['Tenant', tenant],
        ['Category', category],
        ['Subject', subject],
        ['ActivationTime', activation],
        ['RatingPlanId', ratingPlanId],
      ] as const) {
        if (value === '') throw tariffError(at, `rating profile ${id} has an empty ${name}`, { id });
      }
      const activationTime = atLocation(
        at,
        { id },
        () => {
          try {
            return parseTariffInstant(activation, timezone);
          } catch (err) {
            throw new RangeError(`ActivationTime ${err instanceof Error ? err.message : String(err)}`);
          }
        },
        `rating profile ${id}`,
      );
      const fallbackSubjects = fallback
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      ratingProfiles.push({ tenant, category, subject, activationTime, ratingPlanId, fallbackSubjects });
      remember('ratingProfiles', String(ratingProfiles.length - 1), undefined, line);
    }
  }

  const plan: TariffPlan = {
    id: planId,
    timezone,
    currency,
    destinations: Object.fromEntries(destinations),
    rates: Object.fromEntries(rates),
    destinationRates: Object.fromEntries(destinationRates),
    timings: Object.fromEntries(timings),
    ratingPlans: Object.fromEntries(ratingPlans),
    ratingProfiles,
  };

  const checked = validateTariffReferences(plan, locate);
  messages.push(...checked.messages);
  const valid = checkCanonicalPlan(plan, locate, optionLocation);
  return { plan: valid, messages };
}
