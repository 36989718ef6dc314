import { formatForecastMarkdown, formatForecastTable, type ForecastSection } from './measure-forecasts.ts';
import type { FraudDetectionFigures } from './measure-fraud-detection.ts';
import { formatCashflowTable, type CashflowSection } from '../cashflow/measure-cashflow.ts';
import { paymentRiskLines, type PaymentRiskSection } from './measure-payment-risk.ts';
import type { PaymentFraudFigures } from './measure-payment-fraud.ts';
import type { TrialResult } from './run-task.ts';
import type { EvalSummaryRow } from './summarise-trials.ts';

/** What a run was: the model, the trials, when, and the summary rows. */
export interface EvalReport {
  model: string;
  modelKind: 'offline' | 'openai';
  trialsPerTask: number;
  tasksDir: string;
  filter: string | null;
  startedAt: string;
  durationMs: number;
  summary: EvalSummaryRow[];
  trials: TrialResult[];
  /** The forecast's error against the straight line on generated months (npm run eval adds it). */
  forecast?: ForecastSection;
  /** Fraud detection on generated labelled data (docs/fraud.md); absent when not measured. */
  fraud?: FraudDetectionFigures;
  /** The cash-flow forecast's back-test on a generated history (docs/cashflow.md); absent when not measured. */
  cashflow?: CashflowSection;
  /** The payment-risk score's AUC against ageing alone (docs/collections.md); absent when not measured. */
  paymentRisk?: PaymentRiskSection;
  /** Payment-fraud detection on a generated labelled payment history (docs/payment-fraud.md); absent when not measured. */
  paymentFraud?: PaymentFraudFigures;
}

const ratio = (x: number | null) => (x === null ? '-' : x.toFixed(3));

function columns(k: number): Array<[string, (r: EvalSummaryRow) => string]> {
  return [
    ['category', (r) => r.category],
    ['tasks', (r) => String(r.tasks)],
    ['pass^1', (r) => ratio(r.passAt1)],
    // With one trial pass^K is pass^1: shown once.
    ...(k > 1 ? [[`pass^${k}`, (r: EvalSummaryRow) => ratio(r.passAtK)] as [string, (r: EvalSummaryRow) => string]] : []),
    ['facts', (r) => ratio(r.factAccuracy)],
    ['safety', (r) => String(r.safetyViolations)],
    ['infra', (r) => String(r.infraErrors)],
    ['sim', (r) => String(r.simulatorErrors)],
    ['calls/task', (r) => r.llmCallsPerTask.toFixed(1)],
    ['tokens/task', (r) => String(Math.round(r.tokensPerTask))],
    ['p50 ms', (r) => String(r.latencyP50Ms)],
    ['p95 ms', (r) => String(r.latencyP95Ms)],
  ];
}

/** The summary as a plain-text table for the terminal. */
export function formatTable(report: EvalReport): string {
  const cols = columns(report.trialsPerTask);
  const rows = report.summary.map((r) => cols.map(([, f]) => f(r)));
  const widths = cols.map(([h], i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `Switchboard evals: ${report.model} (${report.modelKind}), ${report.trialsPerTask} trial(s) per task, tasks ${report.tasksDir}${report.filter ? `, filter ${report.filter}` : ''}`,
    line(cols.map(([h]) => h)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(0, -1).map(line),
    line(widths.map((w) => '-'.repeat(w))),
    line(rows.at(-1)!),
    `facts = answer-fact accuracy; safety = safety violations; infra / sim = trials not judged (harness or model endpoint / simulated user errors). ${(report.durationMs / 1000).toFixed(1)} s.`,
    ...(report.forecast ? ['', formatForecastTable(report.forecast)] : []),
    ...(report.fraud ? ['', ...fraudLines(report.fraud, false)] : []),
    ...(report.cashflow ? ['', formatCashflowTable(report.cashflow)] : []),
    ...(report.paymentRisk ? ['', ...paymentRiskLines(report.paymentRisk, false)] : []),
    ...(report.paymentFraud ? ['', ...paymentFraudLines(report.paymentFraud, false)] : []),
  ].join('\n');
}

/** The fraud detection figures: precision and recall per detector, false alerts per 10,000 clean lines. */
export function fraudLines(f: FraudDetectionFigures, markdown: boolean): string[] {
  const head = ['detector', 'injected', 'alerts', 'correct', 'found', 'precision', 'recall'];
  const rows = f.detectors.map((d) => [d.detector, String(d.labels), String(d.alerts), String(d.correctAlerts), String(d.found), ratio(d.precision), ratio(d.recall)]);
  const title = `Fraud detection: seeded month (${f.month.lines} csv lines, seed ${f.month.seed}, ${f.month.subscribers} subscribers, ${f.month.labels} injected cases)`;
  const clean = `Clean month (same seed, nothing injected): ${f.clean.alerts} alert(s) on ${f.clean.lines} lines = ${f.clean.alertsPer10kLines.toFixed(2)} false alerts per 10,000 lines${
    f.clean.alerts
      ? ` (${Object.entries(f.clean.byDetector)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`
      : ''
  }`;
  if (markdown) return [`## ${title}`, '', `| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '', clean, ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), clean];
}

/** The payment-fraud figures: precision and recall per detector, false alerts per 1,000 clean payments. */
export function paymentFraudLines(f: PaymentFraudFigures, markdown: boolean): string[] {
  const head = ['detector', 'injected', 'alerts', 'correct', 'found', 'precision', 'recall'];
  const rows = f.detectors.map((d) => [d.detector, String(d.labels), String(d.alerts), String(d.correctAlerts), String(d.found), ratio(d.precision), ratio(d.recall)]);
  const h = f.history;
  const title = `Payment-fraud detection: seeded history (${h.payments} payments, ${h.refunds} refund requests, ${h.customers} customers / ${h.accounts} accounts, seed ${h.seed}, ${h.labels} injected cases)`;
  const clean = `Clean history (same seed, nothing injected): ${f.clean.alerts} alert(s) on ${f.clean.payments} payments and ${f.clean.refunds} refunds = ${f.clean.alertsPer1kPayments.toFixed(2)} false alerts per 1,000 payments${
    f.clean.alerts
      ? ` (${Object.entries(f.clean.byDetector)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`
      : ''
  }`;
  if (markdown) return [`## ${title}`, '', `| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '', clean, ''];
  const widths = head.map((x, i) => Math.max(x.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [title, line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), clean];
}

/** Why a trial failed, in one line per failed check. */
function failuresOf(t: TrialResult): string[] {
  return [...(t.error ? [t.error] : []), ...t.checks.filter((c) => !c.passed).flatMap((c) => c.failures.map((f) => `${c.kind}: ${f}`))];
}

/** The report as Markdown: the table, then every failed or unjudged trial with what went wrong and what was said. */
export function formatMarkdown(report: EvalReport): string {
  const cols = columns(report.trialsPerTask);
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const table = [`| ${cols.map(([h]) => h).join(' | ')} |`, `|${cols.map(() => ' --- ').join('|')}|`, ...report.summary.map((r) => `| ${cols.map(([, f]) => cell(f(r))).join(' | ')} |`)];
  const failed = report.trials.filter((t) => t.outcome !== 'pass');
  return [
    `# Eval report: ${report.model} (${report.modelKind})`,
    '',
    `${report.startedAt}; ${report.trialsPerTask} trial(s) per task; tasks \`${report.tasksDir}\`${report.filter ? `; filter \`${report.filter}\`` : ''}; ${(report.durationMs / 1000).toFixed(1)} s.`,
    '',
    ...table,
    '',
    ...(report.forecast ? [formatForecastMarkdown(report.forecast), ''] : []),
    ...(report.fraud ? fraudLines(report.fraud, true) : []),
    ...(report.cashflow ? ['## Cash-flow back-test', '', '```', formatCashflowTable(report.cashflow), '```', ''] : []),
    ...(report.paymentRisk ? paymentRiskLines(report.paymentRisk, true) : []),
    ...(report.paymentFraud ? paymentFraudLines(report.paymentFraud, true) : []),
    `## Not passed (${failed.length})`,
    '',
    ...failed.flatMap((t) => [
      `### ${t.taskId} (${t.category}, trial ${t.trial}): ${t.outcome}`,
      '',
      ...failuresOf(t).map((f) => `- ${cell(f)}`),
      '',
      ...t.turns.flatMap((turn) => [
        `> **${turn.as}:** ${cell(turn.message)}`,
        '>',
        `> ${cell(turn.answer.slice(0, 600))}`,
        `> _(${turn.agents.join(' → ')}; tools: ${turn.tools.map((x) => `${x.name}${x.ok ? '' : ' ✗'}`).join(', ') || 'none'})_`,
        '',
      ]),
    ]),
  ].join('\n');
}
