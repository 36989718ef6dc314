import { BillingError } from '../errors.ts';
import { minorUnits } from '../money/index.ts';
import euVat from './packs/eu-vat.json' with { type: 'json' };
import gbVat from './packs/gb-vat.json' with { type: 'json' };
import usTelecom from './packs/us-telecom.json' with { type: 'json' };
import { taxPackSchema, type TaxPack } from './tax-pack.types.ts';

/** Validates a rule pack (parsed JSON) against the pack schema; every problem is INVALID_CONFIG naming the field. */
export function parseTaxPack(value: unknown, label = 'tax pack'): TaxPack {
  const parsed = taxPackSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new BillingError('INVALID_CONFIG', `${label}${where}: ${issue?.message ?? 'invalid'}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const pack = parsed.data;
  // Fee decimals need the currency table, which the schema stays independent of.
  for (const rule of pack.rules) {
    if (rule.kind !== 'per_line') continue;
    const decimals = minorUnitsOrConfigError(rule.currency, `${label}: ${rule.taxId}`);
    for (const v of rule.versions) {
      const places = v.feePerLine.split('.')[1]?.length ?? 0;
      if (places > decimals) {
        throw new BillingError('INVALID_CONFIG', `${label}: ${rule.taxId} fee ${v.feePerLine} has more decimals than ${rule.currency} allows`);
      }
    }
  }
  return pack;
}

function minorUnitsOrConfigError(currency: string, where: string): number {
  try {
    return minorUnits(currency);
  } catch {
    throw new BillingError('INVALID_CONFIG', `${where}: unknown currency ${currency}`);
  }
}

let builtIn: readonly TaxPack[] | undefined;

/** The packs shipped in tools/tax/packs (eu-vat, gb-vat, us-telecom), validated once. */
export function builtInTaxPacks(): readonly TaxPack[] {
  builtIn ??= deepFreeze([parseTaxPack(euVat, 'packs/eu-vat.json'), parseTaxPack(gbVat, 'packs/gb-vat.json'), parseTaxPack(usTelecom, 'packs/us-telecom.json')]);
  return builtIn;
}

// The built-in packs are shared by every caller in the process; freezing them means a caller
// that edits one (to try a variant) gets a TypeError instead of changing everyone's taxes.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
