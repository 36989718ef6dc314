import { parse as parseYaml } from 'yaml';
import { BillingError } from '../errors.ts';
import { zodToBillingError } from '../schemas/index.ts';
import { catalogSchema, type Catalog } from './catalog.types.ts';

export { describeIssues } from '../schemas/index.ts';

function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** Cross-reference checks the schema cannot express; each problem is named with where it is. */
function checkReferences(c: Catalog): string[] {
  const problems: string[] = [];
  const plans = new Set(c.plans.map((p) => p.id));
  const charges = new Set(c.oneTimeCharges.map((o) => o.id));
  const segments = new Set(c.segments);
  for (const [what, ids] of [
    ['plan', c.plans.map((p) => p.id)],
    ['promotion', c.promotions.map((p) => p.id)],
    ['discount', c.discounts.map((d) => d.id)],
    ['one-time charge', c.oneTimeCharges.map((o) => o.id)],
    ['rate multiplier table', c.rateMultipliers.map((m) => m.id)],
  ] as const) {
    for (const d of duplicates([...ids])) problems.push(`${what} id ${d} is defined twice`);
  }
  if (c.returnedPaymentChargeId && !charges.has(c.returnedPaymentChargeId)) problems.push(`returnedPaymentChargeId: unknown one-time charge ${c.returnedPaymentChargeId}`);
  for (const p of c.plans) {
    for (const s of p.segments) if (!segments.has(s)) problems.push(`plan ${p.id}: unknown segment ${s}`);
    if (p.activationChargeId && !charges.has(p.activationChargeId)) problems.push(`plan ${p.id}: unknown activation charge ${p.activationChargeId}`);
    for (const d of duplicates(p.allowances.map((a) => a.id))) problems.push(`plan ${p.id}: allowance ${d} is defined twice`);
    for (const a of p.allowances) {
      const never = a.categories.filter((cat) => (a.service === 'data') !== (cat === 'data'));
      if (never.length) problems.push(`plan ${p.id}: ${a.service} allowance ${a.id} lists categories it can never match: ${never.join(', ')}`);
    }
  }
  for (const pr of c.promotions) {
    for (const s of pr.eligibility.segments) if (!segments.has(s)) problems.push(`promotion ${pr.id}: unknown segment ${s}`);
    for (const p of pr.eligibility.plans) if (!plans.has(p)) problems.push(`promotion ${pr.id}: unknown plan ${p}`);
  }
  for (const d of c.discounts) for (const s of d.segments) if (!segments.has(s)) problems.push(`discount ${d.id}: unknown segment ${s}`);
  for (const m of c.rateMultipliers) {
    const bands = new Set(m.timeBands.map((b) => b.id));
    for (const row of m.congestion) {
      if (!bands.has(row.band)) problems.push(`rate multiplier table ${m.id}: unknown time band ${row.band}`);
      if (!(row.level in m.levels)) problems.push(`rate multiplier table ${m.id}: unknown congestion level ${row.level}`);
    }
  }
  return problems;
}

/**
 * Reads a catalog file (YAML or JSON text) into a validated Catalog. Every problem, of shape or of
 * reference, is reported at once as INVALID_CATALOG, so a typo never silently drops a fee.
 */
export function loadCatalog(text: string, fileName = 'catalog.yaml'): Catalog {
  let raw: unknown;
  try {
    raw = parseYaml(text.replace(/^\uFEFF/, ''), { prettyErrors: true });
  } catch (err) {
    throw new BillingError('INVALID_CATALOG', `${fileName}: not valid YAML or JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) throw zodToBillingError(parsed.error, 'INVALID_CATALOG', fileName);
  const problems = checkReferences(parsed.data);
  if (problems.length) throw new BillingError('INVALID_CATALOG', `${fileName}: ${problems.join('; ')}`);
  return parsed.data;
}
