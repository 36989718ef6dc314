import type { Entities } from './find-entities.ts';
import type { Words } from './read-words.ts';

/* The offline model's reading of pricing questions: a what-if under a proposed tariff or catalog
 * file, and usage trends. It finds the file names and the month in the analyst's words; the tools
 * compute every amount. */

const FILE = String.raw`([A-Za-z0-9][A-Za-z0-9_.-]{0,99}\.(?:ya?ml|json))`;
const TARIFF_FILE = new RegExp(String.raw`\btariff(?:\s+(?:file|plan))?\s+(?:called\s+|named\s+)?["'\x60]?${FILE}`, 'i');
const CATALOG_FILE = new RegExp(String.raw`\bcatalog(?:ue)?(?:\s+file)?\s+(?:called\s+|named\s+)?["'\x60]?${FILE}`, 'i');
const ANY_FILE = new RegExp(String.raw`(?:^|[\s"'\x60(])${FILE}`, 'i');

/** The proposed files a message names: "tariff file X.yaml", "catalog new.json"; a lone file name is read by the word near it. */
export function proposalFiles(text: string): { tariffFile?: string; catalogFile?: string } {
  const tariffFile = TARIFF_FILE.exec(text)?.[1];
  const catalogFile = CATALOG_FILE.exec(text)?.[1];
  if (tariffFile || catalogFile) return { ...(tariffFile ? { tariffFile } : {}), ...(catalogFile ? { catalogFile } : {}) };
  const lone = ANY_FILE.exec(text)?.[1];
  if (!lone) return {};
  return /catalog/i.test(text) && !/tariff/i.test(text) ? { catalogFile: lone } : { tariffFile: lone };
}

/** A pricing what-if: a proposed tariff or catalog (a file, or the words) with revenue, a re-pricing or a "what would/if". */
export function asksPricingWhatIf(_w: Words, _e: Entities, t: string): boolean {
  const files = proposalFiles(t);
  const proposes =
    files.tariffFile !== undefined ||
    files.catalogFile !== undefined ||
    /\b(?:new|proposed|different|another|draft)\s+(?:tariff|catalog(?:ue)?|price list|prices)\b|\b(?:tariff|catalog(?:ue)?)\s+file\b/i.test(t);
  return proposes && /\b(revenue|turnover|what (?:would|if)|would (?:we|revenue|billing|it)|re-?pric\w*|impact|affect\w*|bill(?:ed|ing)?|earn|made|make|under)\b/i.test(t);
}

/** Usage trends: a trend, or a forecast of usage by category (not an account's bill or overage). */
export function asksUsageTrends(_w: Words, e: Entities, t: string): boolean {
  if (e.accountId !== undefined || e.invoice !== undefined || /\b(overage|allowance|bundle|fraud)\b/i.test(t)) return false;
  return (
    /\btrends?\b/i.test(t) ||
    (/\b(forecast\w*|predict\w*|projection|next (?:few )?months?)\b/i.test(t) && /\b(usage|traffic|categor\w*|minutes|texts|sms|data|calls|volumes?)\b/i.test(t)) ||
    /\bback-?test\w*\b/i.test(t)
  );
}

/** The pricing tool call a request makes: the month and files from its words (the tools refuse what is missing). */
export function pricingToolCall(intent: 'pricing_what_if' | 'usage_trends', r: { text: string; periods: string[] }): { tool: string; args: Record<string, unknown> } | { missing: string } {
  if (intent === 'usage_trends') return { tool: 'usage_trends', args: /\b(daily|per day|by day|each day|days)\b/i.test(r.text) ? { bucket: 'day' } : {} };
  const files = proposalFiles(r.text);
  const latest = [...r.periods].sort().reverse()[0];
  // A path is never read: only a plain name in the what-if folder.
  if (!files.tariffFile && !files.catalogFile && /[\\/]/.test(r.text)) return { missing: 'a plain file name in the what-if folder (whatif/ beside the database), without folders' };
  if (!files.tariffFile && !files.catalogFile) return { missing: 'the proposed tariff or catalog file in the what-if folder (e.g. "with tariff file tariff-2026.yaml")' };
  if (!latest) return { missing: 'the billing month to re-price (e.g. "in 2025-03")' };
  return { tool: 'pricing_what_if', args: { period: latest, ...files } };
}
