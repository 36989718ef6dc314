import { isInternalExtension, type CompiledSettings } from './compile-settings.ts';
import { parseDialledNumber } from './parse-dialled-number.ts';

/**
 * Removes one configured trunk (outside-line) prefix when what follows is plausibly a number:
 * an emergency number or a valid phone number; otherwise returns the dialled string unchanged.
 */
export function stripTrunkPrefix(dialled: string, settings: CompiledSettings): string {
  if (settings.trunkPrefixes.length === 0) return dialled;
  // A PBX cannot use a digit both as its outside-line code and as the start of an extension it
  // serves, so an exact extension is taken as dialled (9112 on a 9000-9999 plan is not 112).
  if (isInternalExtension(dialled, settings.extensionRanges)) return dialled;
  for (const prefix of settings.trunkPrefixes) {
    if (dialled.length <= prefix.length || !dialled.startsWith(prefix)) continue;
    const rest = dialled.slice(prefix.length);
    if (settings.emergencyNumbers.has(rest)) return rest;
    if (parseDialledNumber(rest, settings.homeCountry).ok) return rest;
  }
  return dialled;
}
