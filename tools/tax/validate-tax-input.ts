import { BillingError } from '../errors.ts';
import { minorUnits } from '../money/index.ts';
import { isCalendarDate } from '../time/index.ts';
import { taxInputSchema, type TaxCustomer, type TaxInput } from './tax.types.ts';

/**
 * Checks a TaxInput beyond its schema (real dates, ordered periods, unique ids, amounts already
 * rounded to the currency) and returns it with codes upper-cased, or throws INVALID_INPUT.
 */
export function validateTaxInput(input: unknown): TaxInput {
  const parsed = taxInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new BillingError('INVALID_INPUT', `tax input${where}: ${issue?.message ?? 'invalid'}`);
  }
  const value = parsed.data;
  const currency = value.currency.toUpperCase();
  const decimals = minorUnits(currency);

  checkPeriod('period', value.period);
  const lineIds = new Set<string>();
  for (const line of value.lines) {
    if (lineIds.has(line.id)) fail(`line id "${line.id}" appears twice`);
    lineIds.add(line.id);
    checkPeriod(`line ${line.id} servicePeriod`, line.servicePeriod, true);
    const places = line.amount.split('.')[1]?.length ?? 0;
    if (places > decimals) {
      fail(`line ${line.id} amount ${line.amount} has more decimals than ${currency} allows (${decimals}); charging rounds lines first`);
    }
  }
  const subscriptionIds = new Set<string>();
  for (const s of value.subscriptions) {
    if (subscriptionIds.has(s.id)) fail(`subscription id "${s.id}" appears twice`);
    subscriptionIds.add(s.id);
    checkPeriod(`subscription ${s.id} activity`, { from: s.activeFrom, to: s.activeTo }, true);
  }

  return {
    ...value,
    currency,
    sellerCountry: value.sellerCountry.toUpperCase(),
    customer: normalizeCustomer(value.customer),
  };
}

/** The customer with country, region and VAT id in canonical form (upper case, no separators in the VAT id). */
export function normalizeCustomer(customer: TaxCustomer): TaxCustomer {
  const region = customer.region?.trim().toUpperCase() ?? null;
  const vatId = customer.vatId?.replace(/[\s.-]/g, '').toUpperCase() ?? null;
  return {
    ...customer,
    country: customer.country.toUpperCase(),
    region: region === '' ? null : region,
    vatId: vatId === '' ? null : vatId,
  };
}

// Zero-length periods are allowed for lines (a one-off charge dated on a day takes that day's rate)
// and subscriptions (activated and cancelled before the day ended: never active, no per-line fee),
// but not for the billing period itself.
function checkPeriod(what: string, period: { from: string; to: string }, allowEmpty = false): void {
  for (const date of [period.from, period.to]) {
    if (!isCalendarDate(date)) fail(`${what}: ${date} is not a calendar date`);
  }
  if (period.to < period.from || (!allowEmpty && period.to === period.from)) {
    fail(`${what}: [${period.from}, ${period.to}) is not a period (from must be before to)`);
  }
}

function fail(message: string): never {
  throw new BillingError('INVALID_INPUT', message);
}
