import { z } from 'zod';
import { placeholdersOf } from './fill-template.ts';

/**
 * The one definition of a translation file: each key names the placeholders its text must use
 * (`[]` for none), or nests further keys. The zod schema and the TypeScript type both derive from it.
 */
export interface TextsShape {
  readonly [key: string]: readonly string[] | TextsShape;
}

/** The object a translation file of a shape holds: a string per leaf. */
export type TextsOf<S extends TextsShape> = { [K in keyof S]: S[K] extends readonly string[] ? string : S[K] extends TextsShape ? TextsOf<S[K]> : never };

function textSchema(expected: readonly string[]): z.ZodType<string> {
  const want = [...expected].sort().join(',');
  return z
    .string()
    .refine((s) => s.trim().length > 0, 'an empty text')
    .refine((s) => placeholdersOf(s).join(',') === want, { message: `placeholders must be exactly {${expected.join('}, {')}}` });
}

/** The strict zod schema of a shape: every key present, no other key, no empty text, exactly the placeholders named. */
export function textsSchema<S extends TextsShape>(shape: S): z.ZodType<TextsOf<S>> {
  const fields: Record<string, z.ZodTypeAny> = {};
  for (const [key, value] of Object.entries(shape)) fields[key] = Array.isArray(value) ? textSchema(value as readonly string[]) : textsSchema(value as TextsShape);
  return z.object(fields).strict() as unknown as z.ZodType<TextsOf<S>>;
}

/** Every text of a (nested) translation object by its dotted key, e.g. `sections.usage`. */
export function flattenTexts(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) for (const [k, v] of flattenTexts(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  } else {
    out.set(prefix, value);
  }
  return out;
}
