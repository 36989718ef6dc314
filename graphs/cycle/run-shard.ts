import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditInvoices } from '../../app/audit/index.ts';
import { billPeriod, prepareBillRun } from '../../app/billing/index.ts';
import { eventLoopPacer } from '../../app/event-loop-turns.ts';
import { invoicePdfOptions } from '../../app/invoices/invoice-pdf-options.ts';
import { getAccountBundle, getOperatorSettings, listTenantInvoices, tenantAccountIds, tenantInvoice, tenantScope, type Store } from '../../db/index.ts';
import { mergeSums, sumByCurrency, wholeMs } from '../../tools/cycle/index.ts';
import type { AuditShardResult, DocumentShardResult, FanOut, Shard, ShardResult } from './state.ts';

/** Accounts billed in one call (one short write transaction); the event loop may turn between calls, so a worker's job lock is renewed while it bills. */
export const BILL_SLICE = 10;

/** Splits the tenant's accounts, in id order, into shards of at most `size`. */
export function planAccountShards(store: Store, tenant: string, size: number): Shard[] {
  const ids = tenantAccountIds(tenantScope(store, tenant));
  const shards: Shard[] = [];
  const n = Math.max(1, size);
  for (let i = 0; i < ids.length; i += n) {
    const part = ids.slice(i, i + n);
    shards.push({ index: shards.length, first: part[0]!, last: part.at(-1)!, accounts: part.length });
  }
  return shards;
}

/**
 * Bills one shard of a cycle: the tenant's accounts in the shard's id range, for the period, in
 * slices. Idempotent like every bill run (an account with its invoice is left alone), so the
 * worker may run it as a child job, retry it, or race another worker for it.
 */
export async function runShard(store: Store, shard: Shard & { tenant: string; period: string; issueDate?: string }): Promise<ShardResult> {
  const t0 = performance.now();
  const ids = tenantAccountIds(tenantScope(store, shard.tenant), { first: shard.first, last: shard.last });
  const timezone = getOperatorSettings(store).timezone;
  // Read once for the shard, not once a slice (the plan peers are a query over recent invoices).
  const prepared = prepareBillRun(store, shard.period, timezone);
  const out: ShardResult = { index: shard.index, accounts: ids.length, created: 0, issued: 0, held: 0, alreadyPresent: 0, nothingToBill: 0, money: [], failed: [], ms: 0 };
  const sums = [];
  const pace = eventLoopPacer();
  for (let i = 0; i < ids.length; i += BILL_SLICE) {
    const r = billPeriod(store, { period: shard.period, timezone, accountIds: ids.slice(i, i + BILL_SLICE), issueDate: shard.issueDate, prepared });
    out.created += r.created.length;
    out.issued += r.created.filter((c) => c.status === 'issued').length;
    out.held += r.created.filter((c) => c.status === 'held').length;
    out.alreadyPresent += r.alreadyPresent.length;
    out.nothingToBill += r.nothingToBill.length;
    out.failed.push(...r.failed);
    sums.push(sumByCurrency(r.created));
    await pace();
  }
  return { ...out, money: mergeSums(sums), ms: wholeMs(performance.now() - t0) };
}

/** Audits the period's invoices of a shard's accounts: invariants, bill shock, compliance. Reads only. */
export async function auditShard(store: Store, shard: Shard & { tenant: string; period: string }): Promise<AuditShardResult> {
  const t0 = performance.now();
  const rows = listTenantInvoices(store, shard.tenant, { period: shard.period, kind: 'invoice', accountRange: { first: shard.first, last: shard.last }, limit: 1_000_000_000 });
  const audit = await auditInvoices(store, shard.tenant, rows);
  return { index: shard.index, ...audit, money: sumByCurrency(rows), ms: wholeMs(performance.now() - t0) };
}

/** What a shard's work needs (the cycle's tenant and period, where documents go). */
export type ShardJob = Shard & { tenant: string; period: string; issueDate?: string; folder: string };

/** Runs one shard of a fan-out: bills, audits or renders it. */
export function runShardWork(kind: FanOut, store: Store, job: ShardJob): Promise<ShardResult | AuditShardResult | DocumentShardResult> {
  if (kind === 'bill') return runShard(store, job);
  if (kind === 'audit') return auditShard(store, job);
  return renderShardDocuments(store, job);
}

/** Writes a file whole or not at all, so a file left by a crash is never a half one that is then skipped. */
function writeOnce(path: string, content: Uint8Array | string): boolean {
  if (existsSync(path)) return false;
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return true;
}

/** PDF and UBL of every issued invoice of the period in a shard's accounts; files already there are skipped. */
export async function renderShardDocuments(store: Store, shard: Shard & { tenant: string; period: string; folder: string }): Promise<DocumentShardResult> {
  const t0 = performance.now();
  mkdirSync(shard.folder, { recursive: true });
  const rows = listTenantInvoices(store, shard.tenant, { period: shard.period, kind: 'invoice', accountRange: { first: shard.first, last: shard.last }, limit: 1_000_000_000 });
  const issued = rows.filter((r) => r.number !== null && r.status !== 'held' && r.status !== 'void');
  let written = 0;
  let skipped = 0;
  const pace = eventLoopPacer();
  // pdfkit loads only when there is something to render.
  const render = issued.length > 0 ? await import('../../tools/invoice/render/index.ts') : undefined;
  for (const row of issued) {
    // Rendering resolves without an event-loop turn of its own: a worker's job lock needs them.
    await pace();
    const pdf = join(shard.folder, `${row.number}.pdf`);
    const xml = join(shard.folder, `${row.number}.xml`);
    if (existsSync(pdf) && existsSync(xml)) {
      skipped++;
      continue;
    }
    const doc = tenantInvoice(store, shard.tenant, row.number!).document;
    // In the layout and detail the account asked for, as the download prints it.
    if (!existsSync(pdf)) writeOnce(pdf, await render!.renderInvoicePdf(doc, invoicePdfOptions(store, doc, getAccountBundle(store, doc.buyer.accountId))));
    writeOnce(xml, render!.renderInvoiceUbl(doc));
    written++;
  }
  return { index: shard.index, invoices: issued.length, written, skipped, money: sumByCurrency(issued), ms: wholeMs(performance.now() - t0) };
}
