import { dec, type Decimal, roundDecimal, ZERO } from '../money/index.ts';
import type { AssuranceEvent, AssuranceFacts, AssuranceInvoice, AssuranceLine, GapCause, InvoicedEvent, Stage } from './assurance.types.ts';
import { ValueEstimator } from './estimate-value.ts';
import { GapBuilder, type GapSpec } from './gap-builder.ts';
import { MoneyBag } from './money-bag.ts';

const SPECS: Record<string, GapSpec> = {
  quarantined: { cause: 'quarantined', label: 'quarantined and not replayed', from: 'read', to: 'accepted', leak: true },
  duplicate: { cause: 'duplicate', label: 'duplicates (a line read again; no revenue of its own)', from: 'read', to: 'accepted', leak: false },
  unclassified: { cause: 'unclassified', label: 'unclassified usage (not rated)', from: 'accepted', to: 'rated', leak: true },
  rating_failed: { cause: 'rating_failed', label: 'rating failed', from: 'accepted', to: 'rated', leak: true },
  unrated: { cause: 'unrated', label: 'not rated yet', from: 'accepted', to: 'rated', leak: true },
  transit: { cause: 'transit', label: 'transit (carried for other networks, never a line’s usage)', from: 'rated', to: 'charged', leak: false },
  no_subscription: { cause: 'no_subscription', label: 'usage of a line with no subscription', from: 'rated', to: 'charged', leak: true },
  zero_rated: { cause: 'zero_rated', label: 'chargeable usage rated at zero', from: 'rated', to: 'charged', leak: true },
  not_invoiced: { cause: 'not_invoiced', label: 'usage of a line on no invoice of the period', from: 'rated', to: 'charged', leak: true },
  other_period: { cause: 'other_period', label: 'charged on another period’s invoice (billing cycle day)', from: 'rated', to: 'charged', leak: false },
  allowance_covered: { cause: 'allowance_covered', label: 'covered by allowances within their size', from: 'rated', to: 'charged', leak: false },
  allowance_overuse: { cause: 'allowance_overuse', label: 'allowance used beyond its size', from: 'rated', to: 'charged', leak: true },
  promotions: { cause: 'promotions', label: 'promotions on usage (charged below the rated cost)', from: 'rated', to: 'charged', leak: false },
  rerated: { cause: 'rerated', label: 're-rated since it was charged (a correction note is due)', from: 'rated', to: 'charged', leak: true },
};

/** Gaps between the usage stages, in report order. */
export type UsageGaps = Record<keyof typeof SPECS & GapCause, GapBuilder>;

/** What an invoice charged for one event, summed over the usage lines that list it. */
interface Charged {
  invoiceId: number;
  invoiceNumber: string | null;
  invoiceRef: string;
  accountId: string;
  subscriptionId: string | null;
  rated: Decimal;
  charged: Decimal;
  covered: number;
  allowanceId: string | null;
}

/** The numbers as the switch writes them, with or without "+", mapped to their lines. */
function linesByNumber(lines: readonly AssuranceLine[]): Map<string, AssuranceLine[]> {
  const map = new Map<string, AssuranceLine[]>();
  for (const l of lines) {
    const key = l.msisdn.replace(/^\+/, '');
    map.set(key, [...(map.get(key) ?? []), l]);
  }
  return map;
}

/** The line that had the number on that local day (start inclusive, end exclusive, as billing cuts segments). */
function lineOn(byNumber: Map<string, AssuranceLine[]>, subscriber: string, date: string): AssuranceLine | null {
  return byNumber.get(subscriber.replace(/^\+/, ''))?.find((l) => l.startDate <= date && (l.endDate === null || date < l.endDate)) ?? null;
}

/** Every event the period's live invoices charge, from their usage lines' provenance. */
function chargedEvents(facts: AssuranceFacts): Map<number, Charged> {
  const map = new Map<number, Charged>();
  for (const inv of facts.invoices) {
    if (inv.kind !== 'invoice' || inv.status === 'void' || inv.period !== facts.period) continue;
    for (const ev of inv.events) addCharged(map, inv, ev);
  }
  return map;
}

function addCharged(map: Map<number, Charged>, inv: AssuranceInvoice, ev: InvoicedEvent): void {
  const seen = map.get(ev.id);
  if (seen) {
    seen.charged = seen.charged.plus(dec(ev.charged));
    seen.covered += ev.covered;
    seen.allowanceId ??= ev.allowanceId;
    return;
  }
  map.set(ev.id, {
    invoiceId: inv.id,
    invoiceNumber: inv.number,
    invoiceRef: inv.number ?? `held invoice ${inv.id}`,
    accountId: inv.accountId,
    subscriptionId: ev.subscriptionId,
    rated: dec(ev.rated),
    charged: dec(ev.charged),
    covered: ev.covered,
    allowanceId: ev.allowanceId,
  });
}

const eventRef = (e: AssuranceEvent) => ({ ref: `event ${e.id}`, eventId: e.id, batchId: e.batchId, lineNo: e.lineNo });

/**
 * The usage half of the report: records read → accepted → rated → charged, with every record that
 * leaves the flow on the way as an item of its gap. Each event is counted into its stage first and
 * only then sent down exactly one branch, so a record that fell through would break the check.
 */
export function usageChain(facts: AssuranceFacts, limit: number): { stages: Stage[]; gaps: UsageGaps } {
  const est = new ValueEstimator(facts.events);
  const gaps = Object.fromEntries(Object.entries(SPECS).map(([k, spec]) => [k, new GapBuilder(spec, limit)])) as UsageGaps;
  const stage = () => ({ count: 0, money: new MoneyBag(), estimated: new MoneyBag() });
  const read = stage();
  const accepted = stage();
  const rated = stage();
  const charged = stage();
  const byNumber = linesByNumber(facts.lines);
  const onInvoice = chargedEvents(facts);
  const billed = new Set(facts.invoices.filter((i) => i.kind === 'invoice' && i.status !== 'void' && i.period === facts.period).map((i) => i.accountId));
  const allowanceValue = new Map<string, { value: MoneyBag; events: number }>();

  for (const q of facts.quarantined) {
    const e = est.quarantined(q.batchId);
    read.count += 1;
    if (e) read.money.add(e.currency, e.amount);
    if (e) read.estimated.add(e.currency, e.amount);
    gaps.quarantined.add({
      item: { ref: `batch ${q.batchId} line ${q.lineNo}`, batchId: q.batchId, lineNo: q.lineNo, detail: `quarantine ${q.id}: ${q.reason}` },
      money: e,
      estimated: true,
      basis: e?.basis,
    });
  }
  for (const d of facts.duplicates) {
    read.count += 1;
    const of = d.eventId !== null ? `event ${d.eventId}` : `quarantined line ${d.quarantineId}`;
    gaps.duplicate.add({ item: { ref: `batch ${d.batchId} line ${d.lineNo}`, batchId: d.batchId, lineNo: d.lineNo, eventId: d.eventId, detail: `repeats ${of}` } });
  }

  for (const e of facts.events) {
    const value = e.status === 'rated' && e.cost !== null ? null : est.event(e);
    const currency = e.status === 'rated' ? e.currency : (value?.currency ?? null);
    const amount = e.status === 'rated' && e.cost !== null ? dec(e.cost) : (value?.amount ?? null);
    for (const s of [read, accepted]) {
      s.count += 1;
      s.money.add(currency, amount);
      if (value) s.estimated.add(value.currency, value.amount);
    }
    if (e.status !== 'rated' || e.cost === null) {
      const gap = e.status === 'unclassified' ? gaps.unclassified : e.status === 'rating_failed' ? gaps.rating_failed : gaps.unrated;
      const why = e.status === 'unclassified' ? (e.classificationReason ?? 'unclassified') : e.status === 'rating_failed' ? (e.ratingErrorCode ?? 'rating failed') : 'awaiting rating';
      gap.add({ item: { ...eventRef(e), detail: `${e.service} ${e.subscriber} → ${why}` }, money: value, estimated: value !== null, basis: value?.basis ?? 'zero usage: worth nothing' });
      continue;
    }
    const cost = dec(e.cost);
    rated.count += 1;
    rated.money.add(e.currency, cost);
    const bill = onInvoice.get(e.id);
    const money = { currency: e.currency!, amount: cost };
    if (e.direction === 'transit') {
      gaps.transit.add({ item: { ...eventRef(e), detail: `${e.service} ${e.subscriber} → ${e.category}` }, money });
      continue;
    }
    const zero = est.zeroRatedLeak(e);
    if (zero && (bill || lineOn(byNumber, e.subscriber, e.localDate))) {
      gaps.zero_rated.add({
        item: {
          ...eventRef(e),
          accountId: bill?.accountId ?? null,
          invoiceId: bill?.invoiceId ?? null,
          invoiceNumber: bill?.invoiceNumber ?? null,
          detail: `${e.service} ${e.subscriber} → ${e.category}, rated 0${bill ? ` on ${bill.invoiceRef}` : ''}`,
        },
        money: { currency: e.currency!, amount: ZERO },
        atRisk: { currency: zero.currency, amount: zero.amount },
        estimated: true,
        basis: zero.basis,
      });
      continue;
    }
    if (!bill) {
      const line = lineOn(byNumber, e.subscriber, e.localDate);
      const elsewhere = facts.elsewhere.get(e.id);
      if (!line) gaps.no_subscription.add({ item: { ...eventRef(e), detail: `${e.service} of ${e.subscriber} on ${e.localDate}: no line has this number that day` }, money });
      else if (elsewhere)
        gaps.other_period.add({
          item: {
            ...eventRef(e),
            accountId: line.accountId,
            invoiceId: elsewhere.invoiceId,
            invoiceNumber: elsewhere.number,
            detail: `charged on ${elsewhere.number ?? `held invoice ${elsewhere.invoiceId}`} of ${elsewhere.period}`,
          },
          money,
        });
      else if (cost.isZero() && billed.has(line.accountId)) {
        // Usage that costs nothing is not listed on invoice lines; its account was billed, so it was charged: at nothing.
        charged.count += 1;
        charged.money.add(e.currency, cost);
      } else
        gaps.not_invoiced.add({
          item: { ...eventRef(e), accountId: line.accountId, detail: `line ${line.subscriptionId} of account ${line.accountId}: no invoice of ${facts.period} charges it` },
          money,
        });
      continue;
    }
    charged.count += 1;
    charged.money.add(e.currency, bill.charged);
    const below = bill.rated.minus(bill.charged);
    if (!below.isZero()) {
      if (bill.covered > 0) {
        const key = `${bill.invoiceId}|${bill.subscriptionId}|${bill.allowanceId}`;
        const a = allowanceValue.get(key) ?? { value: new MoneyBag(), events: 0 };
        a.value.add(e.currency, below);
        a.events += 1;
        allowanceValue.set(key, a);
      } else
        gaps.promotions.add({
          count: 0,
          item: {
            ...eventRef(e),
            invoiceId: bill.invoiceId,
            invoiceNumber: bill.invoiceNumber,
            accountId: bill.accountId,
            detail: `rated ${bill.rated.toFixed()}, charged ${bill.charged.toFixed()} on ${bill.invoiceRef}`,
          },
          money: { currency: e.currency!, amount: below },
        });
    }
    const moved = cost.minus(bill.rated);
    if (!moved.isZero())
      gaps.rerated.add({
        count: 0,
        item: {
          ...eventRef(e),
          invoiceId: bill.invoiceId,
          invoiceNumber: bill.invoiceNumber,
          accountId: bill.accountId,
          detail: `charged at ${bill.rated.toFixed()} on ${bill.invoiceRef}, rated ${cost.toFixed()} now`,
        },
        money: { currency: e.currency!, amount: moved },
      });
  }
  splitAllowances(facts, allowanceValue, gaps);
  const out = (id: Stage['id'], label: string, unit: Stage['unit'], s: ReturnType<typeof stage>): Stage => ({
    id,
    label,
    unit,
    count: s.count,
    money: s.money.toMoney(),
    estimated: s.estimated.toMoney(),
  });
  return {
    stages: [
      out('read', 'records read', 'records', read),
      out('accepted', 'usage events accepted', 'events', accepted),
      out('rated', 'events rated', 'events', rated),
      out('charged', 'events charged on the period’s invoices', 'events', charged),
    ],
    gaps,
  };
}

/**
 * Splits what allowances covered into within and beyond their size. Where a ledger row used more
 * than it was granted (plus carried in), the covered value beyond is estimated as its share of
 * the value the allowance covered on that line (excess / used), rounded half-up to 5 decimals.
 */
function splitAllowances(facts: AssuranceFacts, covered: Map<string, { value: MoneyBag; events: number }>, gaps: UsageGaps): void {
  const invoices = new Map(facts.invoices.map((i) => [i.id, i]));
  const over = new Map<string, MoneyBag>();
  for (const row of facts.ledger) {
    const size = row.granted + row.carriedIn;
    if (row.used <= size || row.used <= 0) continue;
    const key = `${row.invoiceId}|${row.subscriptionId}|${row.allowanceId}`;
    const value = covered.get(key)?.value ?? new MoneyBag();
    const share = new MoneyBag();
    for (const c of value.currencies())
      share.add(
        c,
        roundDecimal(
          value
            .get(c)
            .times(row.used - size)
            .dividedBy(row.used),
          5,
          'middle',
        ),
      );
    over.set(key, share);
    const inv = invoices.get(row.invoiceId);
    const ref = inv?.number ?? `held invoice ${row.invoiceId}`;
    const first = share.currencies()[0];
    gaps.allowance_overuse.add({
      count: 0,
      item: {
        ref: `${ref} line ${row.subscriptionId} allowance ${row.allowanceId}`,
        invoiceId: row.invoiceId,
        invoiceNumber: inv?.number ?? null,
        accountId: inv?.accountId ?? null,
        detail: `${row.service}: used ${row.used} of ${size} (granted ${row.granted} + carried ${row.carriedIn})`,
      },
      money: first ? { currency: first, amount: share.get(first) } : null,
      estimated: true,
      basis: 'the covered value times (used − size) / used',
    });
    for (const c of share.currencies().slice(1)) gaps.allowance_overuse.money.add(c, share.get(c));
  }
  for (const [key, { value, events }] of covered) {
    const beyond = over.get(key) ?? new MoneyBag();
    const [invoiceId, subscriptionId, allowanceId] = key.split('|');
    const inv = invoices.get(Number(invoiceId));
    for (const c of value.currencies())
      gaps.allowance_covered.add({
        count: 0,
        item: {
          ref: `${inv?.number ?? `held invoice ${invoiceId}`} line ${subscriptionId} allowance ${allowanceId}`,
          invoiceId: Number(invoiceId),
          invoiceNumber: inv?.number ?? null,
          accountId: inv?.accountId ?? null,
          detail: `${events} events covered`,
        },
        money: { currency: c, amount: value.get(c).minus(beyond.get(c)) },
      });
  }
}
