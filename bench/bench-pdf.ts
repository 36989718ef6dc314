// PDF rendering benchmark: renders invoices of a billed database (the bill-run benchmark's) one
// after another on one core. Prints a StageResult JSON line (bench/measure.ts).
import { getInvoice, listInvoices, openDatabase } from '../db/index.ts';
import { renderInvoicePdf } from '../tools/invoice/render/index.ts';
import { measure } from './measure.ts';

const [dbPath, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 1000);
const store = openDatabase(dbPath!);
const docs = listInvoices(store, { limit: count }).map((i) => getInvoice(store, String(i.id)).document);
store.close();
if (docs.length === 0) throw new Error(`no invoices in ${dbPath}`);
let bytes = 0;
const lines = docs.reduce((n, d) => n + d.lines.length, 0);
const result = await measure(
  'pdf render',
  async () => {
    for (const doc of docs) bytes += (await renderInvoicePdf(doc)).length;
    return docs.length;
  },
  () => ({ averageLines: Math.round(lines / docs.length), averageKb: Math.round(bytes / docs.length / 1024) }),
);
console.log(JSON.stringify(result));
