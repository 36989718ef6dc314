import type { Account, Customer, Subscription } from '../../catalog/account.types.ts';
import { accountSchema, customerSchema, subscriptionSchema } from '../../catalog/account.types.ts';
import { catalogSchema, type Catalog, type CatalogInput } from '../../catalog/catalog.types.ts';
import type { CallCategory } from '../../classify/classification.types.ts';
import { compileTariff } from '../../rating/compile-tariff.ts';
import { loadNativeTariff } from '../../rating/load-native-tariff.ts';
import { rateUsage } from '../../rating/rate-usage.ts';
import type { ChargeableEvent } from '../charging.types.ts';
import { tariffRowsOf } from '../build-usage-lines.ts';

/**
 * Fixtures for charging tests: a small UTC tariff whose prices are easy to compute by hand, a
 * catalog, and builders for customers, accounts, lines and rated events. Events are rated by the
 * real engine, so continuation pricing is tested against real breakdowns.
 */
export const TEST_TARIFF_YAML = `
id: test-uk
timezone: UTC
currency: GBP
destinations:
  DST_ONNET: ["447400"]
  DST_MOBILE: ["447"]
  DST_NATIONAL: ["441", "442"]
rates:
  RT_MOBILE: { connectFee: "0.05", rate: "0.06", rateUnit: 1m, rateIncrement: 1s }
  RT_ONNET: { rate: "0.03", rateUnit: 1m, rateIncrement: 1s }
  RT_NATIONAL: { rate: "0.04", rateUnit: 1m, rateIncrement: 1m }
  RT_INTL: { rate: "0.50", rateUnit: 1m, rateIncrement: 1m }
  RT_SMS: { rate: "0.10", rateUnit: 1, rateIncrement: 1 }
  RT_DATA: { rate: "0.01", rateUnit: 1048576, rateIncrement: 1048576 }
destinationRates:
  DR_CALLS:
    - { destinationId: DST_ONNET, rateId: RT_ONNET, roundingMethod: up, roundingDecimals: 4 }
    - { destinationId: DST_MOBILE, rateId: RT_MOBILE, roundingMethod: up, roundingDecimals: 4 }
    - { destinationId: DST_NATIONAL, rateId: RT_NATIONAL, roundingMethod: up, roundingDecimals: 4 }
  DR_INTL: { destinationId: "*any", rateId: RT_INTL, roundingMethod: up, roundingDecimals: 4 }
  DR_SMS: { destinationId: "*any", rateId: RT_SMS, roundingMethod: up, roundingDecimals: 4 }
  DR_DATA: { destinationId: "*any", rateId: RT_DATA, roundingMethod: up, roundingDecimals: 4 }
ratingPlans:
  RP_CALLS:
    - { destinationRateId: DR_CALLS, weight: 20 }
    - { destinationRateId: DR_INTL, weight: 10 }
  RP_SMS: { destinationRateId: DR_SMS }
  RP_DATA: { destinationRateId: DR_DATA }
ratingProfiles:
  - { tenant: t, category: call, subject: "*any", activationTime: 2020-01-01T00:00:00Z, ratingPlanId: RP_CALLS }
  - { tenant: t, category: sms, subject: "*any", activationTime: 2020-01-01T00:00:00Z, ratingPlanId: RP_SMS }
  - { tenant: t, category: data, subject: "*any", activationTime: 2020-01-01T00:00:00Z, ratingPlanId: RP_DATA }
`;
export const TEST_TARIFF = compileTariff(loadNativeTariff(TEST_TARIFF_YAML).plan);

/** The test catalog; pass overrides to change a part of it. */
export function testCatalog(overrides: Partial<CatalogInput> = {}): Catalog {
  return catalogSchema.parse({
    id: 'test-catalog',
    currency: 'GBP',
    effectiveFrom: '2020-01-01',
    plans: [
      {
        id: 'PLAN_10',
        name: 'Talk 10',
        recurringFee: '10.00',
        allowances: [
          { id: 'UK_MIN', service: 'voice', categories: ['mobile', 'national', 'local', 'on_net'], amount: 10 },
          { id: 'SMS_100', service: 'sms', amount: 100, rollover: { maxCarry: 50 } },
          { id: 'DATA_1G', service: 'data', amount: 1024 },
        ],
      },
      { id: 'PLAN_20', name: 'Unlimited 20', recurringFee: '20.00', activationChargeId: 'ACT' },
      { id: 'PLAN_31', name: 'Business 31', recurringFee: '31.00' },
    ],
    oneTimeCharges: [
      { id: 'ACT', name: 'Activation fee', amount: '25.00' },
      { id: 'PHONE', name: 'Handset', amount: '249.99', instalments: 24, taxClass: 'equipment' },
    ],
    ...overrides,
  });
}

/** A customer (consumer unless told otherwise). */
export function testCustomer(overrides: Partial<Customer> = {}): Customer {
  return customerSchema.parse({
    id: 'C1',
    name: 'Ada Lovelace',
    address: { lines: ['1 High Street'], city: 'London', postcode: 'N1 1AA', region: null, country: 'GB' },
    customerSince: '2025-01-01',
    ...overrides,
  });
}

/** An account of customer C1 in GBP, cycle day 1, taxed in GB. */
export function testAccount(overrides: Partial<Account> = {}): Account {
  return accountSchema.parse({ id: 'A1', customerId: 'C1', currency: 'GBP', taxJurisdiction: { country: 'GB' }, ...overrides });
}

/** A line of account A1. */
export function testLine(id: string, msisdn: string, plans: Array<[string, string]>, more: Partial<Subscription> = {}): Subscription {
  return subscriptionSchema.parse({ id, accountId: 'A1', msisdn, plans: plans.map(([planId, from]) => ({ planId, from })), ...more });
}

const CATEGORY_OF: Record<string, CallCategory> = { '447400': 'on_net', '447': 'mobile', '441': 'national', '442': 'national' };

let nextId = 1;
/** A usage event rated by the real engine: voice usage in seconds, SMS in messages, data in bytes. */
export function ratedEvent(subscriber: string, service: 'voice' | 'sms' | 'data', at: string, usage: number, destination = '447700900001'): ChargeableEvent {
  const start = Date.parse(at);
  const prefix = Object.keys(CATEGORY_OF)
    .sort((a, b) => b.length - a.length)
    .find((p) => destination.startsWith(p));
  const category: CallCategory = service === 'data' ? 'data' : prefix ? CATEGORY_OF[prefix]! : 'international';
  const category_ = service === 'voice' ? 'call' : service;
  const rated = rateUsage(TEST_TARIFF, {
    tenant: 't',
    category: category_,
    subject: subscriber,
    destination: service === 'data' ? '*any' : destination,
    answerTime: start,
    usage: service === 'voice' ? usage * 1_000_000_000 : usage,
    tor: service,
  });
  return {
    id: nextId++,
    subscriber,
    service,
    direction: 'outbound',
    category,
    roaming: 'none',
    startTime: start,
    answerTime: start,
    usage: service === 'voice' ? usage * 1000 : usage,
    cost: rated.cost,
    breakdown: rated,
    tariffVersionId: 1,
    tariffRows: tariffRowsOf(rated.spans, 1),
  };
}
