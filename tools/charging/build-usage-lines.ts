import type { CallCategory } from '../classify/classification.types.ts';
import type { UsageSummaryRow } from '../invoice/invoice.types.ts';
import { dec, minorUnits, roundDecimal, ZERO, type Decimal } from '../money/index.ts';
import type { RatedSpan } from '../rating/tariff.types.ts';
import type { TaxClass } from '../tax/tax.types.ts';
import type { ChargeLine } from './charging.types.ts';
import type { EventCharge } from './consume-allowances.ts';

/** Where usage went, in words: "calls to …", "texts to …". */
const DESTINATION_TEXT: Record<CallCategory, string> = {
  on_net: 'our network',
  local: 'local numbers',
  national: 'UK landlines',
  mobile: 'mobiles',
  international: 'other countries',
  toll_free: 'freephone numbers',
  premium_rate: 'premium-rate numbers',
  emergency: 'emergency services',
  short_code: 'short codes',
  data: 'data',
  unclassified: 'unclassified numbers',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Display units: minutes for voice, messages for SMS, MB for data. */
const DISPLAY = {
  voice: { perUnit: 60_000, unit: 'min', unitCode: 'MIN' },
  sms: { perUnit: 1, unit: 'SMS', unitCode: 'C62' },
  data: { perUnit: 1_048_576, unit: 'MB', unitCode: '4L' },
} as const;

function describe(c: EventCharge, n: number): string {
  const e = c.event;
  // A priced inbound call (toll-free or premium termination) is one the line received; its category is the caller's.
  if (e.direction === 'inbound')
    return `${e.service === 'voice' ? 'Calls received' : 'Texts received'} from ${DESTINATION_TEXT[e.category]}, ${e.service === 'sms' ? plural(n, 'message', 'messages') : plural(n, 'call', 'calls')}`;
  const what = e.service === 'data' ? 'Mobile data' : `${e.service === 'voice' ? 'Calls' : 'Texts'} to ${DESTINATION_TEXT[e.category]}`;
  const count = e.service === 'data' ? plural(n, 'session', 'sessions') : e.service === 'sms' ? plural(n, 'message', 'messages') : plural(n, 'call', 'calls');
  return `${e.roaming === 'outbound' ? `Roaming: ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what}, ${count}`;
}

/** Tax class of usage: calls abroad and roaming are international, national and mobile calls interstate (US packs), the rest local. */
export function usageTaxClass(c: { category: CallCategory; roaming: string }): TaxClass {
  if (c.category === 'international' || c.roaming === 'outbound') return 'telecom_international';
  if (c.category === 'national' || c.category === 'mobile') return 'telecom_interstate';
  return 'telecom_local';
}

function display(units: number, service: 'voice' | 'sms' | 'data'): Decimal {
  return roundDecimal(dec(units).div(DISPLAY[service].perUnit), 2, 'middle');
}

/** The tariff rows behind a rating breakdown's spans, as provenance names them. */
export function tariffRowsOf(spans: ReadonlyArray<Pick<RatedSpan, 'ratingPlanId' | 'destinationRateId' | 'rateId' | 'slot'>>, versionId: number | null): string[] {
  return spans.map((s) => `tariff ${versionId ?? '?'}: ${s.ratingPlanId}/${s.destinationRateId}/${s.rateId}#${s.slot}`);
}

/**
 * Groups charged usage into invoice lines, one per line segment, service, category and roaming,
 * each the sum of its events' charges rounded half-up to the minor unit, with every event listed
 * in its provenance; and summarises usage per service and category.
 */
export function buildUsageLines(charges: EventCharge[], currency: string): { lines: ChargeLine[]; summary: UsageSummaryRow[] } {
  const decimals = minorUnits(currency);
  const groups = new Map<string, EventCharge[]>();
  for (const c of charges) {
    const e = c.event;
    const key = `use:${c.segment.subscriptionId}:${c.segment.from}:${e.service}:${e.category}:${e.roaming}${e.direction === 'inbound' ? ':in' : ''}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const lines: ChargeLine[] = [];
  const summary = new Map<string, { row: UsageSummaryRow; units: number; included: number; amount: Decimal }>();
  for (const [id, list] of groups) {
    const first = list[0]!;
    const service = first.event.service;
    const sum = list.reduce((s, c) => (/[1-9]/.test(c.charged) ? s.plus(c.charged) : s), ZERO);
    const amount = roundDecimal(sum, decimals, 'middle');
    const units = list.reduce((n, c) => n + c.event.usage, 0);
    const covered = list.reduce((n, c) => n + c.covered, 0);
    const rows = new Set(list.flatMap((c) => c.event.tariffRows));
    const includedText = covered > 0 ? `, ${display(covered, service).toString()} ${DISPLAY[service].unit} included in allowances` : '';
    lines.push({
      id,
      section: 'usage',
      description: `${describe(first, list.length)}${includedText}`,
      subscriptionId: first.segment.subscriptionId,
      msisdn: first.event.subscriber.replace(/^\+/, ''),
      quantity: display(units, service).toString(),
      unitCode: DISPLAY[service].unitCode,
      unit: DISPLAY[service].unit,
      unitPrice: null,
      amount: amount.toFixed(decimals),
      taxClass: usageTaxClass(first.event),
      servicePeriod: { from: first.segment.from, to: first.segment.to },
      provenance: {
        catalogItems: [...new Set(list.flatMap((c) => (c.allowanceId ? [`allowance:${c.allowanceId}`] : [])))],
        usageEvents: list.map((c) => ({ id: c.event.id, rated: c.event.cost, charged: c.charged, covered: c.covered, allowanceId: c.allowanceId })),
        tariffRows: [...rows].sort(),
        calculation: `sum of ${list.length} event charges after allowances = ${sum.toString()}, rounded half-up to ${amount.toFixed(decimals)}`,
      },
    });
    const sKey = `${service}:${first.event.category}`;
    const s = summary.get(sKey) ?? {
      row: { service, category: first.event.category, events: 0, quantity: '0', unit: DISPLAY[service].unit, included: '0', amount: '0' },
      units: 0,
      included: 0,
      amount: ZERO,
    };
    s.row.events += list.length;
    s.units += units;
    s.included += covered;
    s.amount = s.amount.plus(amount);
    summary.set(sKey, s);
  }
  const rows = [...summary.values()].map((s) => ({
    ...s.row,
    quantity: display(s.units, s.row.service).toString(),
    included: display(s.included, s.row.service).toString(),
    amount: s.amount.toFixed(decimals),
  }));
  rows.sort((a, b) => a.service.localeCompare(b.service) || a.category.localeCompare(b.category));
  return { lines, summary: rows };
}
