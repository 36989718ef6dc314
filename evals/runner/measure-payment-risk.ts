import { generatePaymentHistory, type GeneratedPaymentAccount } from '../generator/index.ts';
import { ageReceivables, paymentRiskFeatures, scorePaymentRisk, type PaymentHistory, type PaymentRiskFeatures } from '../../tools/collections/index.ts';
import { dec } from '../../tools/money/index.ts';
import { addMonths, daysBetween } from '../../tools/time/index.ts';

/** The generated histories the score is measured on: fixed, and not the seed its weights were fitted on (1501). */
export const PAYMENT_RISK_EVAL = { seed: 1515, accounts: 1000, firstMonth: '2024-01', months: 24, firstCutoff: '2024-07', cutoffs: 16 } as const;

/** One scored case: an account on the day an invoice is issued, and whether that invoice went bad. */
export interface RiskSample {
  accountId: string;
  asOf: string;
  /** The invoice issued on asOf was paid more than 30 days after its due date, or not at all. */
  bad: boolean;
  history: PaymentHistory;
  /** Ageing alone: the days the oldest open invoice is past due on asOf (tools/collections ageReceivables). */
  daysPastDue: number;
}

/** The payment-risk section of the eval report: the score's AUC against the ageing baseline's. */
export interface PaymentRiskSection {
  seed: number;
  accounts: number;
  samples: number;
  bad: number;
  scoreAuc: number;
  baselineAuc: number;
  /** Samples per band and how many of them went bad. */
  bands: Record<'low' | 'medium' | 'high', { samples: number; bad: number }>;
  durationMs: number;
}

/** The history an account shows on a date: everything issued, paid, returned or disputed by then. */
export function historyAsOf(account: GeneratedPaymentAccount, asOf: string): PaymentHistory {
  return {
    asOf,
    openedOn: account.openedOn,
    invoices: account.invoices.filter((i) => i.issueDate <= asOf).map(({ number, issueDate, dueDate, total }) => ({ number, issueDate, dueDate, total })),
    payments: account.payments.filter((p) => p.date <= asOf).map(({ invoiceNumber, date, amount, kind }) => ({ invoiceNumber, date, amount, kind })),
    disputes: account.disputes.filter((d) => d.openedOn <= asOf).map(({ invoiceNumber, openedOn }) => ({ invoiceNumber, openedOn })),
  };
}

/** Ageing alone, as the system ages receivables: each invoice with what was paid on it by asOf. */
function ageingDaysPastDue(history: PaymentHistory, currency: string): number {
  const paid = new Map<string, ReturnType<typeof dec>>();
  for (const p of history.payments) paid.set(p.invoiceNumber, (paid.get(p.invoiceNumber) ?? dec(0)).plus(dec(p.amount)));
  const docs = history.invoices.map((i, n) => {
    const net = paid.get(i.number) ?? dec(0);
    const settled = net.greaterThanOrEqualTo(dec(i.total));
    return {
      id: n + 1,
      number: i.number,
      kind: 'invoice' as const,
      status: settled ? ('paid' as const) : ('issued' as const),
      currency,
      total: i.total,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      ...(net.greaterThan(0) && !settled ? { paid: net.toFixed(2) } : {}),
    };
  });
  return ageReceivables(docs, history.asOf).daysPastDue;
}

/** Every (account, cut-off month) with an invoice issued that month, labelled by what happened to that invoice. */
export function buildRiskSamples(options: { seed: number; accounts: number } = PAYMENT_RISK_EVAL): RiskSample[] {
  const h = generatePaymentHistory({ seed: options.seed, accounts: options.accounts, firstMonth: PAYMENT_RISK_EVAL.firstMonth, months: PAYMENT_RISK_EVAL.months });
  const samples: RiskSample[] = [];
  for (const account of h.accounts) {
    for (let c = 0; c < PAYMENT_RISK_EVAL.cutoffs; c++) {
      const month = addMonths(PAYMENT_RISK_EVAL.firstCutoff, c);
      const next = account.invoices.find((i) => i.issueDate.startsWith(month));
      if (!next) continue;
      const history = historyAsOf(account, next.issueDate);
      const bad = next.settledOn === null || daysBetween(next.dueDate, next.settledOn) > 30;
      samples.push({ accountId: account.accountId, asOf: next.issueDate, bad, history, daysPastDue: ageingDaysPastDue(history, account.currency) });
    }
  }
  return samples;
}

/** Area under the ROC curve (Mann-Whitney: the chance a bad case outranks a good one; ties count half). */
export function areaUnderCurve(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  let rankSumBad = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k]![1]]) rankSumBad += midRank;
    i = j + 1;
  }
  const bad = labels.filter(Boolean).length;
  const good = labels.length - bad;
  if (bad === 0 || good === 0) return Number.NaN;
  return (rankSumBad - (bad * (bad + 1)) / 2) / (bad * good);
}

/** Scores tools/collections scorePaymentRisk and ageing alone on the fixed generated histories. */
export function measurePaymentRisk(options: { seed?: number; accounts?: number } = {}): PaymentRiskSection {
  const started = Date.now();
  const seed = options.seed ?? PAYMENT_RISK_EVAL.seed;
  const accounts = options.accounts ?? PAYMENT_RISK_EVAL.accounts;
  const samples = buildRiskSamples({ seed, accounts });
  const labels = samples.map((s) => s.bad);
  const risks = samples.map((s) => scorePaymentRisk(s.history));
  const bands: PaymentRiskSection['bands'] = { low: { samples: 0, bad: 0 }, medium: { samples: 0, bad: 0 }, high: { samples: 0, bad: 0 } };
  risks.forEach((r, i) => {
    bands[r.band].samples += 1;
    if (labels[i]) bands[r.band].bad += 1;
  });
  return {
    seed,
    accounts,
    samples: samples.length,
    bad: labels.filter(Boolean).length,
    scoreAuc: areaUnderCurve(
      risks.map((r) => r.score),
      labels,
    ),
    baselineAuc: areaUnderCurve(
      samples.map((s) => s.daysPastDue),
      labels,
    ),
    bands,
    durationMs: Date.now() - started,
  };
}

/** The features of every sample, for fitting the weights (evals/runner/fit-payment-risk.ts). */
export function sampleFeatures(samples: readonly RiskSample[]): PaymentRiskFeatures[] {
  return samples.map((s) => paymentRiskFeatures(s.history));
}

/** The section as lines of text (Markdown when asked). */
export function paymentRiskLines(r: PaymentRiskSection, markdown: boolean): string[] {
  const title = `Payment risk: AUC on generated histories (seed ${r.seed}, ${r.accounts} accounts, ${r.samples} invoices, ${r.bad} paid > 30 days late or not at all)`;
  const rows = [
    ['risk score (tools/collections scorePaymentRisk)', r.scoreAuc.toFixed(3)],
    ['baseline: ageing alone (days past due now)', r.baselineAuc.toFixed(3)],
  ];
  const bandRow = (['low', 'medium', 'high'] as const)
    .map((b) => `${b} ${r.bands[b].samples} (${r.bands[b].samples ? ((100 * r.bands[b].bad) / r.bands[b].samples).toFixed(1) : '0.0'} % bad)`)
    .join(', ');
  if (markdown) return [`## ${title}`, '', '| model | AUC |', '| --- | --- |', ...rows.map((x) => `| ${x[0]} | ${x[1]} |`), '', `Bands: ${bandRow}.`, ''];
  const width = Math.max(...rows.map((x) => x[0]!.length));
  return [`${title}:`, ...rows.map((x) => `  ${x[0]!.padEnd(width)}  AUC ${x[1]}`), `  bands: ${bandRow}`];
}
