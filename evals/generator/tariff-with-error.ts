import { parse, stringify } from 'yaml';

/**
 * A later version of a native tariff (YAML) carrying a typical tariff error: `prefixes` dropped from
 * the destination groups that held them, so their calls fall through to whatever rate catches the
 * rest (the demo's dearest, rest-of-world). Effective from `effectiveFrom` (local, the tariff's zone).
 */
export function tariffWithError(tariffYaml: string, error: { prefixes: readonly string[]; effectiveFrom: string }): string {
  const doc = parse(tariffYaml) as { effectiveFrom?: string; destinations?: Record<string, string[]> };
  for (const prefix of error.prefixes) {
    const group = Object.entries(doc.destinations ?? {}).find(([, prefixes]) => prefixes.includes(prefix));
    if (!group) throw new Error(`no destination of the tariff holds prefix ${prefix}`);
    doc.destinations![group[0]] = group[1].filter((p) => p !== prefix);
  }
  doc.effectiveFrom = error.effectiveFrom;
  return stringify(doc);
}
