import { parse, stringify } from 'yaml';

/**
 * A later version of a native tariff (YAML) carrying a typical tariff error: `prefix` dropped from
 * the destination group that held it, so its calls fall through to whatever rate catches the
 * rest (the demo's dearest, rest-of-world). Effective from `effectiveFrom` (local, the tariff's zone).
 */
export function tariffWithError(tariffYaml: string, error: { prefix: string; effectiveFrom: string }): string {
  const doc = parse(tariffYaml) as { effectiveFrom?: string; destinations?: Record<string, string[]> };
  const group = Object.entries(doc.destinations ?? {}).find(([, prefixes]) => prefixes.includes(error.prefix));
  if (!group) throw new Error(`no destination of the tariff holds prefix ${error.prefix}`);
  doc.destinations![group[0]] = group[1].filter((p) => p !== error.prefix);
  doc.effectiveFrom = error.effectiveFrom;
  return stringify(doc);
}
