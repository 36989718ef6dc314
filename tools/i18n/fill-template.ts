const PLACEHOLDER = /\{(\w+)\}/g;

/** The {named} placeholders a template uses, sorted and without repeats. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].sort();
}

/** Fills a template's {placeholders}; a missing value leaves the placeholder visible, so a gap shows instead of vanishing. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole);
}
