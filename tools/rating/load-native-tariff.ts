import { Document, LineCounter, isScalar, parseDocument, visit } from 'yaml';
import { BillingError } from '../errors.ts';
import { formatGoDuration } from './parse-go-duration.ts';
import { nativeTariffSchema, SEGMENT_SUBJECT_PREFIX } from './native-tariff.types.ts';
import { tariffPlanSchema, type TariffPlan, type Timing } from './tariff.types.ts';
import { checkCanonicalPlan, validateTariffReferences } from './validate-tariff-references.ts';
import { tariffError, type TariffLocator } from './parse-tariff-fields.ts';

/**
 * Loads Switchboard's native tariff format (JSON or YAML; schema in native-tariff.types.ts) into the
 * canonical TariffPlan, and exports a plan back to it. File IO is the caller's.
 */

export type NativeTariffFormat = 'json' | 'yaml';

export interface LoadNativeTariffOptions {
  /** Force a format; by default JSON when the text starts with "{", YAML otherwise. */
  format?: NativeTariffFormat;
  /** Name used in error messages (default "tariff.yaml" / "tariff.json"). */
  fileName?: string;
}

export interface NativeTariffLoadResult {
  plan: TariffPlan;
  /** When this version of the tariff takes effect (epoch ms), or null when the file does not say. */
  effectiveFrom: number | null;
  /** Notes for the operator (YAML warnings, unused definitions). */
  messages: string[];
}

/** JSON when the first meaningful character is "{" (or "["), YAML otherwise. */
export function detectNativeTariffFormat(text: string): NativeTariffFormat {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function jsonErrorLine(text: string, err: unknown): number | null {
  const message = err instanceof Error ? err.message : '';
  const lineCol = /line (\d+) column \d+/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return text.slice(0, Number(pos[1])).split('\n').length;
  return null;
}

/** Loads a native tariff (JSON or YAML text). Every problem is INVALID_TARIFF with file and line. */
export function loadNativeTariff(text: string, options: LoadNativeTariffOptions = {}): NativeTariffLoadResult {
  const format = options.format ?? detectNativeTariffFormat(text);
  if (format !== 'json' && format !== 'yaml') {
    throw new BillingError('UNSUPPORTED_FORMAT', `unknown native tariff format "${String(format)}" (use json or yaml)`);
  }
  const file = options.fileName ?? `tariff.${format}`;
  const source = text.replace(/^\uFEFF/, '');

  if (format === 'json') {
    try {
      JSON.parse(source);
    } catch (err) {
      throw tariffError({ file, line: jsonErrorLine(source, err) }, `invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // JSON is read through the YAML parser too (YAML 1.2 is a superset of JSON): it gives source
  // positions for error lines and the exact text of every number.
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? lineCounter.linePos(yamlError.pos[0]).line;
    throw tariffError({ file, line }, `invalid ${format.toUpperCase()}: ${yamlError.message.split('\n')[0]}`, { code: yamlError.code });
  }
  const messages = doc.warnings.map((w) => `${file} line ${w.linePos?.[0]?.line ?? '?'}: ${w.message.split('\n')[0]}`);

  // Numbers stay exact: a plain number that is not a safe integer written canonically (0.10,
  // 1e-3, 0049, 12345678901234567890) is handed on as its source text, so amounts are never read
  // through a binary float and prefixes keep their leading zeros.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.type === 'PLAIN' && node.source !== undefined) {
        if (!(Number.isSafeInteger(node.value) && node.source === String(node.value))) node.value = node.source;
      }
    },
  });

  const lineOf = (path: readonly (string | number)[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
        return lineCounter.linePos(node.range[0] as number).line;
      }
    }
    return null;
  };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    throw tariffError({ file, line: null }, `invalid ${format.toUpperCase()}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw tariffError({ file, line: lineOf([]) ?? 1 }, 'a native tariff is a mapping with id, currency, rates, destinationRates, ratingPlans and ratingProfiles');
  }

  const parsed = nativeTariffSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
      const message = missing ? `missing required field "${String(path[path.length - 1] ?? '')}"` : issue.message;
      return { path, line: lineOf(path), message };
    });
    const first = issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw tariffError({ file, line: first?.line ?? null }, `${first?.message ?? 'invalid tariff'}${where}`, {
      issues: issues.map((i) => ({ path: i.path.map(String), line: i.line, message: i.message })),
    });
  }

  const { plan, effectiveFrom } = parsed.data;
  const locate: TariffLocator = (section, id, index) => {
    const path: (string | number)[] = section === 'ratingProfiles' ? [section, Number(id)] : [section, id];
    if (index !== undefined && section !== 'ratingProfiles') path.push(index);
    return { file, line: lineOf(path) };
  };
  const checked = validateTariffReferences(plan, locate);
  messages.push(...checked.messages);
  return { plan: checkCanonicalPlan(plan, locate, { file, line: null }), effectiveFrom, messages };
}

// ---------------------------------------------------------------------------------------------
// Export

export interface ExportNativeTariffOptions {
  /** Written as the top-level effectiveFrom (ISO 8601, UTC). */
  effectiveFrom?: number | null;
  /** Written as the top-level description. */
  description?: string;
}

/** Quantities that are whole seconds read best as Go durations ("1m"); others stay base units. */
function exportQuantity(n: number): string | number {
  return n > 0 && n % 1_000_000_000 === 0 ? formatGoDuration(n) : n;
}

function exportInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function exportTiming(t: Timing): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ['years', 'months', 'monthDays', 'weekDays'] as const) {
    if (t[field] !== '*any') out[field] = t[field];
  }
  out.startTime = t.startTime;
  if (t.endTime !== null) out.endTime = t.endTime;
  return out;
}

/**
 * Writes a plan in the native YAML format. Loading the result gives back a plan equal to `plan`
 * (quantities that are whole seconds are written as Go durations, others as integers; amounts as
 * quoted decimal strings; activation times in UTC).
 */
export function exportNativeTariff(plan: TariffPlan, options: ExportNativeTariffOptions = {}): string {
  const valid = tariffPlanSchema.safeParse(plan);
  if (!valid.success) {
    throw new BillingError('INVALID_TARIFF', `cannot export an invalid tariff plan: ${valid.error.issues[0]?.message ?? 'invalid'}`);
  }
  const map = <T, U>(record: Record<string, T>, f: (v: T) => U): Record<string, U> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

  const native: Record<string, unknown> = {
    id: plan.id,
    ...(options.description !== undefined ? { description: options.description } : {}),
    timezone: plan.timezone,
    currency: plan.currency,
    ...(options.effectiveFrom !== undefined && options.effectiveFrom !== null ? { effectiveFrom: exportInstant(options.effectiveFrom) } : {}),
    destinations: plan.destinations,
    rates: map(plan.rates, (slots) =>
      slots.map((s) => ({
        connectFee: s.connectFee,
        rate: s.rate,
        rateUnit: exportQuantity(s.rateUnit),
        rateIncrement: exportQuantity(s.rateIncrement),
        groupIntervalStart: exportQuantity(s.groupIntervalStart),
      })),
    ),
    destinationRates: map(plan.destinationRates, (rows) =>
      rows.map((r) => ({
        destinationId: r.destinationId,
        rateId: r.rateId,
        roundingMethod: r.roundingMethod,
        roundingDecimals: r.roundingDecimals,
        ...(r.maxCost !== null ? { maxCost: r.maxCost } : {}),
        ...(r.maxCostStrategy !== null ? { maxCostStrategy: r.maxCostStrategy } : {}),
      })),
    ),
    timings: map(plan.timings, exportTiming),
    ratingPlans: plan.ratingPlans,
    ratingProfiles: plan.ratingProfiles.map((p) => {
      const segment = p.subject.startsWith(SEGMENT_SUBJECT_PREFIX) ? p.subject.slice(SEGMENT_SUBJECT_PREFIX.length) : '';
      return {
        tenant: p.tenant,
        category: p.category,
        ...(segment !== '' && !/\s/.test(segment) ? { segment } : { subject: p.subject }),
        activationTime: exportInstant(p.activationTime),
        ratingPlanId: p.ratingPlanId,
        ...(p.fallbackSubjects.length > 0 ? { fallbackSubjects: p.fallbackSubjects } : {}),
      };
    }),
  };

  const doc = new Document(native, { aliasDuplicateObjects: false });
  doc.commentBefore = ' Switchboard native tariff (docs/tariffs.md). Quantities: Go durations or base units; amounts: decimal strings.';
  // Short lists of scalars (prefixes, timing lists, fallback subjects) read best on one line.
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
