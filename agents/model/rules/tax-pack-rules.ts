import type { AnalystRequest } from './parse-request.ts';

/* The offline model's reading of tax pack updates (docs/taxes.md, "Rule updates"): which packs are
 * in force, what an imported version changes, its impact preview, and a proposal to adopt it. The
 * pack and version are read from the analyst's words as they are; the tools check they exist, and
 * the answers copy the tools' words and figures. Importing a version is an admin's file import,
 * never a chat action. */

// biome-ignore lint/suspicious/noExplicitAny: tool results are read field by field, as the other answer templates do
type Json = Record<string, any>;

/** The tax pack intents, most specific first. */
export type TaxPackIntent = 'tax_pack_adopt' | 'tax_pack_preview' | 'tax_pack_diff' | 'tax_packs';

// A pack id names a tax ("eu-vat", "us-telecom", "gb-vat"): letters, a dash, letters; or the word "pack" before it.
const PACK_ID = /\b((?:[a-z]{2,}-)+(?:vat|gst|tax|telecom|fees?)(?:-[a-z0-9]+)*)\b|\bpack\s+([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\b/i;
const PACK_WORDS = /\b(tax|vat|regulatory|rule)\s+packs?\b|\bpacks?\s+versions?\b|(?:[a-z]{2,}-)+(?:vat|gst|tax|telecom)\b/i;

/** The pack id and version label the analyst names ("eu-vat 2025-08", "version 2025-08 of eu-vat", "pack eu-vat v2025-08"). */
export function taxPackRef(text: string): { packId?: string; version?: string } {
  const m = PACK_ID.exec(text);
  const packId = (m?.[1] ?? m?.[2])?.toLowerCase();
  const after = packId ? text.slice((m?.index ?? 0) + m![0].length) : text;
  const version =
    /^\s*(?:version\s+|v\.?\s*)?([0-9][0-9A-Za-z._-]{0,31}[0-9A-Za-z])\b/i.exec(after)?.[1] ??
    /\bversion\s+([0-9A-Za-z][0-9A-Za-z._-]{0,31}[0-9A-Za-z])\b/i.exec(text)?.[1] ??
    /\b(20\d\d-\d\d(?:-\d\d)?)\s+(?:version|update|release)\b/i.exec(text)?.[1];
  return { ...(packId ? { packId } : {}), ...(version ? { version: version.replace(/[.,;:]$/, '') } : {}) };
}

/** Which tax pack question or request this is, or null when the message is not about tax packs. */
export function asksTaxPack(text: string): TaxPackIntent | null {
  if (!PACK_WORDS.test(text)) return null;
  const ref = taxPackRef(text);
  const question = /^\s*(what|which|how|is|are|does|do|did|would|will|can|could|should)\b|\?\s*$/i.test(text);
  // "Should we adopt eu-vat 2025-08?" asks what it would do: the preview, not a proposal.
  if (/\badopt\w*\b|\bput\b.{0,30}\bin(?:to)? force\b|\bswitch\b.{0,20}\bto\b/i.test(text) && ref.version) return question ? 'tax_pack_preview' : 'tax_pack_adopt';
  if (/\b(preview\w*|impact|affect\w*|would\b.{0,40}\b(?:change|cost|do|fail)|re-?bill\w*|what happens)\b/i.test(text) && ref.version) return 'tax_pack_preview';
  if (/\b(diff|changes?|changed|different|differ\w*|new in|compare\w*|what'?s in)\b/i.test(text) && ref.version) return 'tax_pack_diff';
  if (/\b(in force|list|which|what|show|versions?|imported|current|used)\b/i.test(text)) return 'tax_packs';
  return null;
}

/** The tool call of a tax pack request, or what the analyst must still say. */
export function taxPackToolCall(r: AnalystRequest): { tool: string; args: Record<string, unknown> } | { missing: string } {
  const { packId, version } = taxPackRef(r.text);
  if (r.intent === 'tax_packs') return { tool: 'list_tax_packs', args: packId ? { packId } : {} };
  if (!packId || !version) return { missing: 'the pack and the version (e.g. "eu-vat 2025-08"; "which tax packs are in force" lists them)' };
  if (r.intent === 'tax_pack_diff') {
    const against = /\b(?:against|with|from)\s+(?:version\s+)?([0-9][0-9A-Za-z._-]{0,31}[0-9A-Za-z])\b/i.exec(r.text)?.[1];
    return { tool: 'diff_tax_pack', args: { packId, version, ...(against && against !== version ? { against } : {}) } };
  }
  if (r.intent === 'tax_pack_preview') {
    const period = /\b(?:on|for|in|with)\s+(20\d\d-(?:0[1-9]|1[0-2]))\b(?!-\d)/i.exec(r.text)?.[1];
    return { tool: 'preview_tax_pack', args: { packId, version, ...(period && period !== version ? { period } : {}) } };
  }
  return { tool: 'propose_tax_pack_adoption', args: { packId, version, reason: r.text.trim().slice(0, 500) } };
}

/** The packs in force and the imported versions, as the tool listed them. */
export function taxPacksAnswer(x: Json): string {
  const inForce = (x.inForce as Json[]).map((p) => `  - ${p.packId} (${p.name}): version ${p.version} in force${p.illustrative ? ' (illustrative rates)' : ''}`);
  const versions = (x.versions as Json[]).map((v) => `  - ${v.packId} ${v.version}, effective from ${v.effectiveFrom}: ${v.status}${v.proposalId ? ` (proposal ${v.proposalId})` : ''} — ${v.summary}`);
  if (!inForce.length && !versions.length) return 'There are no tax packs of the operator to show.';
  return [
    'Tax packs in force:',
    ...inForce,
    ...(versions.length ? ['Imported versions:', ...versions] : ['No version has been imported; each pack bills with its built-in rules.']),
    'A new version is imported by an admin (switchboard tax import <file>); I can show what it changes, preview its impact and propose adopting it.',
  ].join('\n');
}

/** What a version changes, each change in the tool's words with its source. */
export function taxPackDiffAnswer(x: Json): string {
  const changes = (x.changes as Json[]).map((c) => `  - ${c.words}${c.source ? ` (source: ${c.source})` : ''}`);
  return [
    `${x.packId}: ${x.from} -> ${x.to}, effective from ${x.effectiveFrom}${x.firstRateChange ? `; the first rate change applies from ${x.firstRateChange}` : ''}.`,
    ...(changes.length ? ['What changes:', ...changes] : ['It changes no rate, threshold or fee.']),
    `Nothing was changed. To see what it would do to the bills: "preview ${x.packId} ${x.to}".`,
  ].join('\n');
}

/** The impact preview: the tool's sentence, the totals, the groups and the largest changes, as computed. */
export function taxPackPreviewAnswer(x: Json): string {
  const totals = (x.totals as Json[]).map((t) => `${t.difference} ${t.currency} (${t.before} -> ${t.after})`);
  const groups = (x.groups as Json[])
    .filter((g) => g.changed > 0)
    .map((g) => `  - ${g.jurisdiction}, ${g.segment}: ${g.changed} of ${g.invoices} invoices change, ${g.difference} ${g.currency} (${g.before} -> ${g.after})`);
  const examples = (x.examples as Json[]).map(
    (e) =>
      `  - ${e.invoice} (account ${e.accountId}, ${e.jurisdiction}, ${e.segment}): ${e.before} -> ${e.after} ${e.currency} (${e.difference})${e.failing.length ? `; would fail: ${e.failing.join('; ')}` : ''}`,
  );
  return [
    `Impact preview of ${x.packId} ${x.version} on ${x.period} (billed again in memory as on ${x.asOf}): ${x.changed} of ${x.invoices} invoices change; ${x.failing} would fail the compliance check.`,
    ...(totals.length ? [`In all: ${totals.join(', ')}.`] : []),
    ...(groups.length ? ['By jurisdiction and customer type:', ...groups] : []),
    ...(examples.length ? ['Largest changes:', ...examples] : []),
    `Nothing was stored and no issued invoice changed. To adopt it: "propose adopting ${x.packId} ${x.version} because …" (an approver decides).`,
  ].join('\n');
}

/** An adoption proposal: what it adopts, that it moves no money, and who may decide it. */
export function taxPackAdoptionAnswer(x: Json): string {
  return [
    x.alreadyProposed ? `This is already proposed as proposal ${x.proposalId} (${x.status}).` : `Proposal ${x.proposalId} created (adopt tax pack): ${x.summary}.`,
    `It moves no money: from the version's effective date bills use it, and issued invoices never change. ${x.note}`,
    ...(x.status === 'pending' ? [`An approver can run: switchboard approvals approve ${x.proposalId} --as <approver> --reason "…"`] : []),
  ].join('\n');
}
