import type { AnalystRequest } from './parse-request.ts';

/* The offline model's reading of "show INV-… in German, in the family layout": the layout,
 * language, detail and print size the analyst names, as they name them; the tool prints the
 * invoice and the answer copies what it printed. */

// biome-ignore lint/suspicious/noExplicitAny: tool results are read field by field, as the other answer templates do
type Json = Record<string, any>;

const LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/\b(english|in en)\b/i, 'en'],
  [/\b(german|deutsch|in de)\b/i, 'de'],
  [/\b(french|fran[cç]ais|in fr)\b/i, 'fr'],
  [/\b(spanish|espa[nñ]ol|castellano|in es)\b/i, 'es'],
];
const LAYOUTS: ReadonlyArray<[RegExp, string]> = [
  [/\b(family|household|grouped by line)\b/i, 'family'],
  [/\b(enterprise|business|corporate|cost[- ]cent(?:re|er)s?)\b/i, 'enterprise'],
  [/\b(consumer|personal|standard)\s+(?:layout|bill|invoice|version)\b|\bconsumer layout\b/i, 'consumer'],
];

/** A request to see an invoice printed another way: a layout, a language, a detail level or large print named with it. */
export function asksInvoicePreview(text: string): boolean {
  return (
    /\b(preview|layout|large print|large type|big print|itemi[sz]ed calls?|call annex|every call|how (?:would|does) .{0,40}\blook)\b/i.test(text) ||
    (/\b(show|print|render|send|see|view)\b/i.test(text) && LANGUAGES.some(([re]) => re.test(text)))
  );
}

/** The tool call of an invoice preview: what the analyst named, nothing more. */
export function invoicePreviewToolCall(r: AnalystRequest): { tool: string; args: Record<string, unknown> } {
  const language = LANGUAGES.find(([re]) => re.test(r.text))?.[1];
  const layout = LAYOUTS.find(([re]) => re.test(r.text))?.[1];
  const detail = /\b(itemi[sz]ed calls?|call annex|every call|per[- ]call)\b/i.test(r.text) ? 'per_call' : /\b(summary only|totals only|no detail)\b/i.test(r.text) ? 'summary' : undefined;
  const largePrint = /\b(large|big)\s+(print|type|font)\b/i.test(r.text) ? true : undefined;
  return {
    tool: 'preview_invoice',
    args: { invoice: r.invoice, ...(layout ? { layout } : {}), ...(language ? { language } : {}), ...(detail ? { detail } : {}), ...(largePrint ? { largePrint } : {}) },
  };
}

/** The preview in words: how it was printed, the total, the messages and the first printed lines, as the tool gave them. */
export function invoicePreviewAnswer(x: Json): string {
  const why = x.layoutFrom === 'asked' ? 'as asked' : x.layoutFrom === 'preference' ? "the account's preference" : 'chosen by segment and lines';
  return [
    `Invoice ${x.number} (account ${x.accountId}) in the ${x.layout} layout (${why}), printed in ${x.printedIn}${x.printedIn !== x.language ? ` (${x.language} is not printed; English is used)` : ''}, detail ${x.detail}${x.largePrint ? ', large print' : ''}: ${x.pages} page${x.pages === 1 ? '' : 's'}, total ${x.total} ${x.currency} (the same in every layout).`,
    ...((x.messages as string[]).length ? ['Personalised messages:', ...(x.messages as string[]).map((m) => `  - ${m}`)] : ['No personalised message on this invoice.']),
    'First printed lines:',
    ...(x.text as string[]).slice(0, 25).map((l) => `  | ${l}`),
    `Nothing was changed. To save it: ${x.download}`,
  ].join('\n');
}
