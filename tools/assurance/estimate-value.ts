import { dec, type Decimal, roundDecimal, ZERO } from '../money/index.ts';
import type { AssuranceEvent } from './assurance.types.ts';

/** Decimals of an estimated value: CGRateS's general rounding decimals, as rated costs have. */
const ESTIMATE_DECIMALS = 5;

/** An estimated value: the amount, its currency and the kind whose average it is. */
export interface ValueEstimate {
  currency: string;
  amount: Decimal;
  basis: string;
}

interface KindStats {
  priced: number;
  zero: number;
  sums: Map<string, Decimal>;
  counts: Map<string, number>;
}

/** The kind of an event at three levels of detail, finest first: the average of the finest kind that has priced events is used. */
export function eventKinds(e: Pick<AssuranceEvent, 'service' | 'direction' | 'category' | 'roaming'>): string[] {
  return [`${e.service} ${e.direction} ${e.category} roaming:${e.roaming}`, `${e.service} ${e.direction}`, e.service];
}

/**
 * Averages of rated value per kind of usage, over the period's rated events with usage: what a
 * record that was never priced (quarantined, unclassified, failed) or priced at zero is estimated
 * to have been worth. The currency is the one most of the kind's events are rated in.
 */
export class ValueEstimator {
  private readonly stats = new Map<string, KindStats>();
  private readonly batches = new Map<number, KindStats>();
  private readonly all: KindStats = emptyStats();

  constructor(events: readonly AssuranceEvent[]) {
    for (const e of events) {
      if (e.status !== 'rated' || e.usage <= 0 || e.cost === null || e.currency === null) continue;
      for (const k of eventKinds(e)) record(this.statsOf(this.stats, k), e);
      record(this.statsOf(this.batches, e.batchId), e);
      record(this.all, e);
    }
  }

  private statsOf<K>(map: Map<K, KindStats>, key: K): KindStats {
    let s = map.get(key);
    if (!s) map.set(key, (s = emptyStats()));
    return s;
  }

  /** What an unpriced event was probably worth: zero usage costs nothing (exact); otherwise the average of its kind. */
  event(e: AssuranceEvent): ValueEstimate | null {
    if (e.usage <= 0) return null;
    for (const k of eventKinds(e)) {
      const s = this.stats.get(k);
      if (s && s.priced > 0) return average(s, `average of ${s.priced} priced ${k} events`);
    }
    return this.all.priced > 0 ? average(this.all, `average of all ${this.all.priced} priced events`) : null;
  }

  /**
   * A zero-rated event is a leak when most events of its exact kind cost money (free destinations
   * and unanswered calls cost nothing for all of their kind, so they are not flagged).
   */
  zeroRatedLeak(e: AssuranceEvent): ValueEstimate | null {
    if (e.status !== 'rated' || e.usage <= 0 || e.cost === null || !dec(e.cost).isZero() || e.direction === 'transit') return null;
    const k = eventKinds(e)[0]!;
    const s = this.stats.get(k);
    if (!s || s.priced <= s.zero) return null;
    return average(s, `average of ${s.priced} priced ${k} events`);
  }

  /** What a quarantined line was probably worth: the average priced event of its batch (same file, same switch), else of the period. */
  quarantined(batchId: number): ValueEstimate | null {
    const s = this.batches.get(batchId);
    if (s && s.priced > 0) return average(s, `average of ${s.priced} priced events of batch ${batchId}`);
    return this.all.priced > 0 ? average(this.all, `average of all ${this.all.priced} priced events`) : null;
  }
}

function emptyStats(): KindStats {
  return { priced: 0, zero: 0, sums: new Map(), counts: new Map() };
}

function record(s: KindStats, e: AssuranceEvent): void {
  const cost = dec(e.cost!);
  if (cost.isZero()) {
    s.zero += 1;
    return;
  }
  s.priced += 1;
  s.sums.set(e.currency!, (s.sums.get(e.currency!) ?? ZERO).plus(cost));
  s.counts.set(e.currency!, (s.counts.get(e.currency!) ?? 0) + 1);
}

/** The average priced value in the kind's main currency, rounded half-up to the general decimals. */
function average(s: KindStats, basis: string): ValueEstimate {
  const [currency, n] = [...s.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return { currency, amount: roundDecimal(s.sums.get(currency)!.dividedBy(n), ESTIMATE_DECIMALS, 'middle'), basis };
}
