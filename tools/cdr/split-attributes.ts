/**
 * A record's raw switch attributes in two parts (docs/storage.md): the JSON list of their names,
 * the same for nearly every record of a switch and stored once, and the JSON list of their values
 * in that order, stored with the event. joinAttributes rebuilds the identical object (same keys,
 * same order, `__proto__` kept as an own key).
 */
export function splitAttributes(attributes: Record<string, string>): { keys: string; values: string } {
  return { keys: JSON.stringify(Object.keys(attributes)), values: JSON.stringify(Object.values(attributes)) };
}

/** Rebuilds a record's attributes from the JSON of their names and of their values (inverse of splitAttributes). */
export function joinAttributes(keys: string, values: string): Record<string, string> {
  const k = JSON.parse(keys) as string[];
  const v = JSON.parse(values) as string[];
  // fromEntries defines own properties, so a key named __proto__ stays a key (not the prototype).
  return Object.fromEntries(k.map((key, i) => [key, v[i]!]));
}
