// The demo's next period billed by its cycle, through the real binary: what the README and
// docs/cycles.md tell an operator to run after `npm run demo`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Decimal from 'decimal.js';
import { afterAll, describe, expect, it } from 'vitest';
import { dropBooks } from '../../db/testing/books-copy.ts';
import { onPostgres } from '../../db/testing/on-postgres.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'switchboard.js');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-demo-cycle-'));
const db = join(dir, 'demo.db');
// On PostgreSQL every statement is a round trip: the demo and the cycle runs take about three times as long.
const TIMEOUT_MS = onPostgres ? 540_000 : 180_000;
afterAll(() => {
  dropBooks(db);
  rmSync(dir, { recursive: true, force: true });
});
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 1 << 26 });

interface InvoiceJson {
  recommendations: Array<{ subscriptionId: string; planId: string; currentAmount: string; alternativeAmount: string }>;
  messages: Array<{
    kind: string;
    planId?: string;
    line: { subscriptionId: string };
    figures: Record<'current' | 'alternative' | 'saving' | 'units', { value: string; unit: string; source: string }>;
  }>;
}

interface Report {
  status: string;
  held: Array<{ reasons: Array<{ code: string }>; proposalId: number }>;
  waiting: Array<{ proposalId: number; kind: string }>;
  model: { calls: number };
  steps: Array<{ step: string; counts: Record<string, number> }>;
}

describe('switchboard cycle run on the demo’s next period', () => {
  it(
    'bills April end to end: clean invoices issued, the spiking lines held with proposals waiting in approvals',
    () => {
      const demo = cli('demo', '--rows', '3000', '--json');
      expect(demo.status, demo.stderr).toBe(0);
      expect(JSON.parse(demo.stdout).nextPeriod).toMatchObject({ period: '2025-04', quarantined: 0 });
      // The billed March's revenue-assurance report (docs/assurance.md): its gaps add up.
      const out = JSON.parse(demo.stdout);
      expect(out.assurance).toMatchObject({ period: '2025-03', gapsAddUp: true });
      // The billed month's camt.053: every entry in one state, and all five states present.
      const st = out.payments.statement;
      expect(st.read).toBe(st.matched + st.partlyMatched + st.unmatched + st.duplicate + st.returned);
      expect(Math.min(st.matched, st.partlyMatched, st.unmatched, st.duplicate, st.returned)).toBeGreaterThan(0);
      // A dunning step on an invoice the statement left open: a reminder sent, then a late fee waiting for four eyes.
      expect(out.collections.reminder).toMatchObject({ on: '2025-04-25' });
      expect(out.collections.lateFee).toMatchObject({ on: '2025-05-07', status: 'pending' });
      // Invoices printed as their accounts asked: at least two layouts and two languages, with personalised messages.
      const printed = out.billing.printed as Array<{ number: string; layout: string; language: string; messages: string[] }>;
      expect(new Set(printed.map((p) => p.layout))).toEqual(new Set(['consumer', 'enterprise']));
      expect([...new Set(printed.map((p) => p.language))].sort()).toEqual(['de', 'en', 'es']);
      let savings = 0;
      for (const p of printed) {
        const doc = JSON.parse(cli('invoice', 'show', p.number, '--json').stdout) as InvoiceJson;
        expect(p.messages).toHaveLength(doc.messages.length);
        for (const [i, m] of doc.messages.entries()) {
          if (m.kind !== 'plan_saving') continue;
          // The saving is the invoice's own what-if recommendation, to the cent, and the printed sentence says it.
          const rec = doc.recommendations.find((r) => r.planId === m.planId && r.subscriptionId === m.line.subscriptionId)!;
          expect(m.figures.current.value).toBe(rec.currentAmount);
          expect(m.figures.alternative.value).toBe(rec.alternativeAmount);
          expect(new Decimal(m.figures.current.value).minus(m.figures.alternative.value).toFixed(2)).toBe(m.figures.saving.value);
          expect(p.messages[i]).toContain(p.language === 'en' ? m.figures.saving.value : m.figures.saving.value.replace('.', ','));
          savings += 1;
        }
        for (const m of doc.messages.filter((x) => x.kind === 'rollover_left' && x.figures.units.unit === 'GB')) {
          // "5.0 GB" from the ledger's base units (bytes), rounded down to one decimal.
          const bytes = /(\d+) base units/.exec(m.figures.units.source)![1]!;
          expect(
            new Decimal(bytes)
              .div(1024 ** 3)
              .toDecimalPlaces(1, Decimal.ROUND_DOWN)
              .toFixed(1),
          ).toBe(m.figures.units.value);
        }
      }
      expect(savings).toBeGreaterThan(0);
      // Romania's VAT rise as a pack update: compared in words, previewed on March, proposed through the agent, approved by another person.
      expect(out.taxUpdate.diff.changes).toEqual(['VAT (Romania) (EU-VAT-RO): 19% -> 21% from 2025-08-01']);
      expect(out.taxUpdate.preview).toMatchObject({ period: '2025-03', changed: 0, failing: 0 });
      expect(out.taxUpdate.proposal).toMatchObject({ status: 'posted', requestedBy: 'alice' });

      const run = cli('cycle', 'run', '--period', '2025-04', '--json');
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.status).toBe('waiting');
      expect(report.model.calls).toBe(0);
      const bill = report.steps.find((s) => s.step === 'bill')!.counts;
      expect(bill.failed).toBe(0);
      expect(bill.created! + bill.nothingToBill!).toBe(bill.accounts);
      expect(report.held.length).toBeGreaterThanOrEqual(1);
      expect(report.held.flatMap((h) => h.reasons.map((r) => r.code))).toContain('BILL_SHOCK');
      expect(report.steps.find((s) => s.step === 'audit')!.counts.complianceErrors).toBe(0);

      const approvals = cli('approvals', 'list', '--as', 'bob', '--json');
      expect(approvals.status, approvals.stderr).toBe(0);
      const pending = (JSON.parse(approvals.stdout) as Array<{ id: number; kind: string; status: string; requestedBy: string }>).filter((p) => p.kind === 'release_hold');
      expect(pending.map((p) => p.id).sort()).toEqual(report.held.map((h) => h.proposalId).sort());
      expect(pending.every((p) => p.status === 'pending' && p.requestedBy === 'cycle')).toBe(true);

      // Again: nothing new, the same proposals.
      const again = JSON.parse(cli('cycle', 'run', '--period', '2025-04', '--json').stdout) as Report;
      expect(again.steps.find((s) => s.step === 'bill')!.counts.created).toBe(0);
      expect(again.waiting.map((w) => w.proposalId).sort()).toEqual(report.waiting.map((w) => w.proposalId).sort());
    },
    TIMEOUT_MS,
  );
});
