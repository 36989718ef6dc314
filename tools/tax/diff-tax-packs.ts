import { BillingError } from '../errors.ts';
import { versionAt } from './resolve-rate-version.ts';
import type { RequiredInvoiceField, TaxPack, TaxRule } from './tax-pack.types.ts';
import type { TaxPackChange, TaxPackDiff } from './tax-pack-update.types.ts';

const PACK_FIELDS = ['name', 'description', 'illustrative', 'countries', 'rounding', 'roundingMethod', 'requiresRegion'] as const;
const RULE_FIELDS = ['kind', 'name', 'jurisdiction', 'countries', 'regions', 'categoryCode', 'classes', 'classShares', 'currency'] as const;
const TREATMENTS = ['reverseCharge', 'outsideScope', 'exempt'] as const;

/**
 * What changed between two versions of one pack, in words: every rate or fee that differs on some
 * days (with those days), every rule added or removed, every field of a rule, treatment or the
 * pack itself. Deterministic: changes come in the pack's rule order, then by date.
 */
export function diffTaxPacks(before: TaxPack, after: TaxPack): TaxPackDiff {
  if (before.id !== after.id) throw new BillingError('INVALID_INPUT', `a diff compares two versions of one pack, not ${before.id} and ${after.id}`);
  const changes: TaxPackChange[] = [];
  for (const field of PACK_FIELDS) {
    const [b, a] = [show(before[field]), show(after[field])];
    if (b !== a) changes.push(change('pack_field', null, field, b, a, `pack ${field}: ${b} -> ${a}`));
  }
  for (const t of TREATMENTS) {
    const [b, a] = [before[t], after[t]];
    if (show(b) === show(a)) continue;
    const taxId = a?.taxId ?? b?.taxId ?? null;
    const words = !b ? `${t} ${taxId} added (${a!.source})` : !a ? `${t} ${taxId} removed` : `${t} ${taxId} changed: ${changedKeys(b, a).join(', ')}`;
    changes.push({ ...change('treatment', taxId, t, b ? show(b) : null, a ? show(a) : null, words), source: a?.source ?? null });
  }
  changes.push(...requiredFieldChanges(before, after));
  const oldRules = new Map(before.rules.map((r) => [r.taxId, r]));
  const newRules = new Map(after.rules.map((r) => [r.taxId, r]));
  for (const rule of after.rules) {
    const old = oldRules.get(rule.taxId);
    if (!old) {
      const first = rule.versions[0]!;
      changes.push({
        ...change('rule_added', rule.taxId, 'rule', null, describeVersion(rule, first), `${rule.name} (${rule.taxId}) added: ${describeVersion(rule, first)} from ${first.from}`),
        from: first.from,
        source: first.source,
      });
      continue;
    }
    for (const field of RULE_FIELDS) {
      const [b, a] = [show((old as Record<string, unknown>)[field]), show((rule as Record<string, unknown>)[field])];
      if (b !== a) changes.push(change('rule_field', rule.taxId, field, b, a, `${rule.name} (${rule.taxId}) ${field}: ${b} -> ${a}`));
    }
    changes.push(...rateChanges(old, rule));
  }
  for (const rule of before.rules) {
    if (!newRules.has(rule.taxId)) changes.push(change('rule_removed', rule.taxId, 'rule', rule.name, null, `${rule.name} (${rule.taxId}) removed`));
  }
  const rateDays = changes.filter((c) => (c.kind === 'rate' || c.kind === 'rule_added') && c.from !== null).map((c) => c.from!);
  return { packId: after.id, changes, firstRateChange: rateDays.length ? rateDays.sort()[0]! : null };
}

/** The changes of a diff that alter a rate or fee before `effectiveFrom`: a version may not rewrite what was billed. */
export function changesBefore(diff: TaxPackDiff, effectiveFrom: string): TaxPackChange[] {
  // A field required from before the effective date would make invoices already issued fail their check.
  return diff.changes.filter((c) => (c.kind === 'rate' || c.kind === 'rule_added' || (c.kind === 'required_field' && c.after !== null)) && c.from !== null && c.from < effectiveFrom);
}

// Required invoice fields added, removed or moved to another day, one change each, in words.
function requiredFieldChanges(before: TaxPack, after: TaxPack): TaxPackChange[] {
  const key = (r: RequiredInvoiceField) => `${r.field}|${r.customers}`;
  const describe = (r: RequiredInvoiceField) => `${r.field}${r.customers === 'all' ? '' : ` (${r.customers} customers)`} from ${r.from}`;
  const old = new Map((before.requiredFields ?? []).map((r) => [key(r), r]));
  const now = new Map((after.requiredFields ?? []).map((r) => [key(r), r]));
  const out: TaxPackChange[] = [];
  for (const [k, r] of now) {
    const was = old.get(k);
    if (was && was.from === r.from) continue;
    // Moving a requirement earlier counts from the earlier day; later, nothing new is required before it.
    const from = was && was.from < r.from ? null : r.from;
    out.push({
      ...change('required_field', null, r.field, was ? describe(was) : null, describe(r), `required invoice field ${describe(r)}${was ? ` (was from ${was.from})` : ' added'}`),
      from,
      source: r.source,
    });
  }
  for (const [k, r] of old) if (!now.has(k)) out.push(change('required_field', null, r.field, describe(r), null, `required invoice field ${describe(r)} removed`));
  return out;
}

// The days on which the two versions of one rule charge differently, as [from, to) spans with
// the amounts before and after; adjacent days with the same pair are one span.
function rateChanges(old: TaxRule, rule: TaxRule): TaxPackChange[] {
  const days = [...new Set([...old.versions, ...rule.versions].flatMap((v) => (v.to ? [v.from, v.to] : [v.from])))].sort();
  const spans: TaxPackChange[] = [];
  for (const [i, day] of days.entries()) {
    const b = amountAt(old, day);
    const a = amountAt(rule, day);
    const next = days[i + 1] ?? null;
    const source = versionAt(rule, day)?.version.source ?? null;
    if (b === a) {
      const [ov, nv] = [versionAt(old, day)?.version, versionAt(rule, day)?.version];
      if (ov && nv && ov.from === day && nv.from === day && ov.source !== nv.source) {
        spans.push({ ...change('source', rule.taxId, 'source', ov.source, nv.source, `${rule.name} (${rule.taxId}) from ${day}: source now "${nv.source}"`), from: day, to: next });
      }
      continue;
    }
    const last = spans.at(-1);
    if (last && last.kind === 'rate' && last.to === day && last.before === b && last.after === a) {
      last.to = next;
      last.words = rateWords(rule, b, a, last.from!, next);
      continue;
    }
    spans.push({
      kind: 'rate',
      taxId: rule.taxId,
      field: rule.kind === 'percentage' ? 'ratePercent' : 'feePerLine',
      from: day,
      to: next,
      before: b,
      after: a,
      source,
      words: rateWords(rule, b, a, day, next),
    });
  }
  return spans;
}

function amountAt(rule: TaxRule, day: string): string | null {
  const found = versionAt(rule, day);
  if (!found) return null;
  return rule.kind === 'percentage' ? `${(found.version as { ratePercent: string }).ratePercent}%` : `${(found.version as { feePerLine: string }).feePerLine} ${rule.currency} per line`;
}

function rateWords(rule: TaxRule, before: string | null, after: string | null, from: string, to: string | null): string {
  return `${rule.name} (${rule.taxId}): ${before ?? 'no rate'} -> ${after ?? 'no rate'} from ${from}${to ? ` until ${to}` : ''}`;
}

function describeVersion(rule: TaxRule, v: TaxRule['versions'][number]): string {
  return rule.kind === 'percentage' ? `${(v as { ratePercent: string }).ratePercent}%` : `${(v as { feePerLine: string }).feePerLine} ${rule.currency} per line`;
}

function change(kind: TaxPackChange['kind'], taxId: string | null, field: string, before: string | null, after: string | null, words: string): TaxPackChange {
  return { kind, taxId, field, from: null, to: null, before, after, source: null, words };
}

function changedKeys(b: object, a: object): string[] {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.filter((k) => show((b as Record<string, unknown>)[k]) !== show((a as Record<string, unknown>)[k]));
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
