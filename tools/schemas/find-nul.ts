/**
 * Where a value first holds U+0000, as a dotted path (`customer.name`, `lines.2`, `a key of notes`),
 * or null. Only strings, arrays and plain objects are walked: a NUL has no meaning in billing text,
 * and PostgreSQL's text columns refuse it, so every engine refuses it at the door alike.
 */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(the value)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], join(path, String(i)));
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) return `a key of ${path || 'the value'}`;
    const found = findNul(v, join(path, key));
    if (found !== null) return found;
  }
  return null;
}

function join(path: string, part: string): string {
  return path ? `${path}.${part}` : part;
}
