import type { TaxPack } from './tax-pack.types.ts';
import type { TaxInput } from './tax.types.ts';

/** What every step of one tax calculation shares: the validated input, the selected pack and the currency's minor units. */
export interface TaxContext {
  readonly input: TaxInput;
  readonly pack: TaxPack;
  readonly decimals: number;
}
