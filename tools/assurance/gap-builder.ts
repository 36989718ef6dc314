import type { Decimal } from '../money/index.ts';
import type { Gap, GapCause, GapItem, StageId } from './assurance.types.ts';
import { MoneyBag, showAmount } from './money-bag.ts';

/** How a gap is described: its words, the stages it sits between and whether it is a leak. */
export interface GapSpec {
  cause: GapCause;
  label: string;
  from: StageId;
  to: StageId;
  leak: boolean;
}

/** One item of a gap: where to find it, and what it takes out of the flow (or puts at risk). */
export interface GapEntry {
  item: Omit<GapItem, 'eventId' | 'batchId' | 'lineNo' | 'invoiceId' | 'invoiceNumber' | 'accountId' | 'currency' | 'amount' | 'estimated'> & Partial<GapItem>;
  /** Items leaving the flow (default 1). */
  count?: number;
  /** Flow money, in a currency. */
  money?: { currency: string; amount: Decimal } | null;
  /** Value at risk beside the flow. */
  atRisk?: { currency: string; amount: Decimal } | null;
  estimated?: boolean;
  /** How an estimated amount was made (collected once per gap). */
  basis?: string;
}

/** Collects a gap's items, counts and money; keeps the first `limit` items and counts all. */
export class GapBuilder {
  count = 0;
  readonly money = new MoneyBag();
  readonly atRisk = new MoneyBag();
  private readonly bases = new Set<string>();
  private readonly items: GapItem[] = [];
  private itemCount = 0;

  constructor(
    readonly spec: GapSpec,
    private readonly limit: number,
  ) {}

  add(entry: GapEntry): void {
    this.count += entry.count ?? 1;
    if (entry.money) this.money.add(entry.money.currency, entry.money.amount);
    if (entry.atRisk) this.atRisk.add(entry.atRisk.currency, entry.atRisk.amount);
    if (entry.basis) this.bases.add(entry.basis);
    this.itemCount += 1;
    if (this.items.length >= this.limit) return;
    const shown = entry.money ?? entry.atRisk ?? null;
    this.items.push({
      eventId: null,
      batchId: null,
      lineNo: null,
      invoiceId: null,
      invoiceNumber: null,
      accountId: null,
      ...entry.item,
      currency: shown?.currency ?? null,
      amount: shown ? showAmount(shown.amount, shown.currency) : null,
      estimated: entry.estimated ?? false,
    });
  }

  /** True when nothing was added. */
  isEmpty(): boolean {
    return this.itemCount === 0;
  }

  toGap(): Gap {
    const bases = [...this.bases];
    return {
      ...this.spec,
      count: this.count,
      money: this.money.toMoney(),
      atRisk: this.atRisk.toMoney(),
      estimate: bases.length ? summarizeBases(bases) : null,
      itemCount: this.itemCount,
      items: this.items,
    };
  }
}

/** The estimate's method in one sentence: the kinds of average used (at most five named). */
function summarizeBases(bases: string[]): string {
  const named = bases.slice(0, 5).join('; ');
  return bases.length > 5 ? `${named}; and ${bases.length - 5} other kinds` : named;
}
