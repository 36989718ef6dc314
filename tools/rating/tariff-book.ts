import { BillingError } from '../errors.ts';
import { compileTariff, type CompiledTariff } from './compile-tariff.ts';
import type { TariffPlan } from './tariff.types.ts';

/** One stored version of a tariff plan. */
export interface TariffVersion {
  id: number;
  name: string;
  version: number;
  effectiveFrom: number;
  plan: TariffPlan;
}

/** The versions of one tariff plan, compiled, choosing the one in effect at a given time. */
export interface TariffBook {
  name: string;
  versions: Array<TariffVersion & { compiled: CompiledTariff }>;
  /** The version in effect at `at` (latest effectiveFrom not after it, then highest version); RATING_PLAN_NOT_FOUND before the first. */
  select(at: number): TariffVersion & { compiled: CompiledTariff };
}

/** Compiles every version once so rating a million events costs one compile per version. */
export function createTariffBook(versions: TariffVersion[], options: { generalRoundingDecimals?: number } = {}): TariffBook {
  if (versions.length === 0) throw new BillingError('NOT_FOUND', 'no tariff imported yet: run `switchboard tariffs import <dir>` first');
  const name = versions[0]!.name;
  const compiled = versions.map((v) => ({ ...v, compiled: compileTariff(v.plan, options) })).sort((a, b) => a.effectiveFrom - b.effectiveFrom || a.version - b.version);
  return {
    name,
    versions: compiled,
    select(at: number) {
      let chosen: (typeof compiled)[number] | undefined;
      for (const v of compiled) if (v.effectiveFrom <= at) chosen = v;
      if (!chosen) {
        throw new BillingError(
          'RATING_PLAN_NOT_FOUND',
          `no version of tariff ${name} is in effect at ${new Date(at).toISOString()} (the first takes effect ${new Date(compiled[0]!.effectiveFrom).toISOString()})`,
        );
      }
      return chosen;
    },
  };
}
