import type { Account, Customer, Subscription } from '../catalog/account.types.ts';
import type { Catalog } from '../catalog/catalog.types.ts';
import type { CallCategory, Roaming } from '../classify/classification.types.ts';
import type { Direction, Service } from '../cdr/usage-record.types.ts';
import type { InvoiceLine, UsageSummaryRow } from '../invoice/invoice.types.ts';
import type { RatedCost } from '../rating/tariff.types.ts';
import type { TaxClass } from '../tax/tax.types.ts';

/** A billing period of one account: [from, to) as local dates, and as instants in the operator's zone. */
export interface BillingPeriod {
  /** YYYY-MM of the month the period starts in. */
  label: string;
  from: string;
  to: string;
  days: number;
  fromMs: number;
  toMs: number;
}

/** A rated usage event as charging sees it. */
export interface ChargeableEvent {
  id: number;
  /** The billed party's number as stored (E.164 digits, maybe with "+"). */
  subscriber: string;
  service: Service;
  direction: Direction;
  category: CallCategory;
  roaming: Roaming;
  startTime: number;
  answerTime: number | null;
  /** Billable usage in base units: voice milliseconds, SMS messages, data bytes. */
  usage: number;
  /** The rated cost (decimal string, tariff precision). */
  cost: string;
  /** The rating breakdown; null when no tariff was needed (zero usage). Only read for calls an allowance covers in part, so a loader may make it lazy. */
  breakdown: RatedCost | null;
  /** The tariff rows that priced it ("tariff 3: RP/DR/RT#slot"), for provenance. */
  tariffRows: string[];
  tariffVersionId: number | null;
}

/** A charge line: an invoice line before taxation decides its tax category. */
export type ChargeLine = Omit<InvoiceLine, 'taxCategory' | 'taxClass'> & { taxClass: TaxClass };

/** Allowance units carried into a later period by rollover. */
export interface AllowanceCarry {
  subscriptionId: string;
  allowanceId: string;
  /** Base units (voice ms, SMS messages, data bytes). */
  units: number;
  /** The last period label (YYYY-MM) the units may be used in. */
  validThrough: string;
}

/** What happened to one allowance of one line in the period (the allowance ledger). */
export interface AllowanceLedgerRow {
  subscriptionId: string;
  allowanceId: string;
  service: Service;
  /** Base units granted this period (prorated for part periods, plus bonuses). */
  granted: number;
  carriedIn: number;
  used: number;
  carriedOut: number;
}

/** Everything needed to charge one account for one period. Pure data: no storage, no clock. */
export interface ChargeInput {
  catalog: Catalog;
  customer: Customer;
  account: Account;
  /** The account's subscriptions (any that overlap the period matter). */
  subscriptions: Subscription[];
  period: BillingPeriod;
  /** IANA zone of the operator: local dates, weekends and period bounds. */
  timezone: string;
  /** Rated usage of the account's lines in the period, any order. */
  events: ChargeableEvent[];
  /** Units carried in from earlier periods. */
  carriedIn: AllowanceCarry[];
  /** Dates inside the period where a tax rate changes: lines are split there. */
  splitDates: string[];
}

/** The charges of one account for one period, with the allowance ledger and the usage summary. */
export interface ChargeResult {
  lines: ChargeLine[];
  ledger: AllowanceLedgerRow[];
  carriedOut: AllowanceCarry[];
  usageSummary: UsageSummaryRow[];
  /** Subscriptions active at some point in the period. */
  activeSubscriptions: Array<{ id: string; msisdn: string; activeFrom: string; activeTo: string }>;
  /** Events given that fell outside every line's active days (not charged; worth a look). */
  unattachedEvents: number[];
}
