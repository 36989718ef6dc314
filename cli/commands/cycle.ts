import type { Command } from 'commander';
import { runOperation } from '../../app/index.ts';
import { listCycles, runBillingCycle, showCycle } from '../../app/cycles/index.ts';
import type { CycleReport } from '../../tools/cycle/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { withFlagNames } from '../operation-flags.ts';
import { action, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

const FLAGS = { period: '--period', lateCdrDays: '--late-cdr-days', shardSize: '--shard-size', issueDate: '--issue-date', limit: '--limit' };

/** The cycle report for people: a line per step, then what is held and what waits. */
export function describeCycleReport(r: CycleReport & { resumed?: boolean }): string {
  const money = (m: CycleReport['invoices']['issued']) => m.map((x) => `${x.total} ${x.currency} (${x.count})`).join(', ') || 'none';
  const counts = (c: Record<string, number>) =>
    Object.entries(c)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  return [
    `Cycle ${r.period} of ${r.tenant}: ${r.status}${r.resumed ? ' (resumed)' : ''} in ${r.totalMs} ms; issued ${money(r.invoices.issued)}; held ${money(r.invoices.held)}; model calls ${r.model.calls} (${r.model.totalTokens} tokens)`,
    table(
      r.steps.map((s) => ({ step: s.step, ms: s.ms, counts: counts(s.counts), money: money(s.money) })),
      ['step', 'ms', 'counts', 'money'],
    ),
    ...r.held.map(
      (h) => `held: invoice ${h.invoiceId} of ${h.accountId}, ${h.total} ${h.currency}: ${h.reasons.map((x) => `${x.code} (${x.message})`).join('; ')}; proposal ${h.proposalId ?? 'none'}`,
    ),
    ...r.findings.slice(0, 20).map((f) => `finding: ${f.number ?? `invoice ${f.invoiceId}`} ${f.kind} ${f.code}: ${f.message}`),
    ...(r.findings.length > 20 ? [`… and ${r.findings.length - 20} more findings (--json lists them all)`] : []),
    ...r.waiting.map((w) => `waits for a person: proposal ${w.proposalId} (${w.kind}) ${w.summary}`),
  ].join('\n');
}

/** `switchboard cycle run|status|list`. */
export function registerCycle(program: Command): void {
  const cycle = program.command('cycle').description('billing cycles: a whole period (close usage, rate, categorise, bill, audit, hold, documents), resumable');
  cycle
    .command('run')
    .description('run the billing cycle of a period in the foreground (no Redis); a stopped one resumes, a finished one creates nothing new')
    .requiredOption('--period <YYYY-MM>', 'the billing month')
    .option('--tenant <tenant>', "the tenant (must be the acting user's own)")
    .option('--late-cdr-days <n>', 'days after the period before its usage counts as complete', '0')
    .option('--shard-size <n>', 'accounts per shard of the bill run', '500')
    .option('--issue-date <date>', 'issue date of the invoices (default: the end of the period)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { period: string; tenant?: string; lateCdrDays?: string; shardSize?: string; issueDate?: string; as?: string }>();
        const out = await withStore(opts, (store) =>
          withFlagNames(FLAGS, () => {
            const ctx = cliContext(store, opts.as);
            // The tenant comes from who acts; the flag only says which one is meant.
            if (opts.tenant !== undefined && opts.tenant !== ctx.tenant) throw new BillingError('FORBIDDEN', `${ctx.actor.id} acts for tenant ${ctx.tenant}, not ${opts.tenant}`);
            const input = {
              period: opts.period,
              lateCdrDays: parseIntOption('late-cdr-days', opts.lateCdrDays, 0),
              shardSize: parseIntOption('shard-size', opts.shardSize, 1),
              issueDate: opts.issueDate,
            };
            return runOperation(runBillingCycle, ctx, input);
          }),
        );
        printResult(opts, out, describeCycleReport);
      }),
    );
  cycle
    .command('status')
    .description('a cycle with its report (the latest when no period is given)')
    .option('--period <YYYY-MM>', 'the billing month')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { period?: string; as?: string }>();
        const out = await withStore(opts, (store) => withFlagNames(FLAGS, () => runOperation(showCycle, cliContext(store, opts.as), { period: opts.period })));
        printResult(opts, out, (c) =>
          [
            `Cycle ${c.period}: ${c.status}, run ${c.runs} time(s), started ${c.startedAt}${c.finishedAt ? `, finished ${c.finishedAt}` : ''}${c.error ? `; failed: ${c.error}` : ''}`,
            ...(c.report ? [describeCycleReport(c.report)] : []),
          ].join('\n'),
        );
      }),
    );
  cycle
    .command('list')
    .description('billing cycles, newest period first')
    .option('--limit <n>', 'at most n', '24')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { limit?: string; as?: string }>();
        const out = await withStore(opts, (store) => withFlagNames(FLAGS, () => runOperation(listCycles, cliContext(store, opts.as), { limit: parseIntOption('limit', opts.limit, 1) })));
        printResult(opts, out.cycles, (rows) =>
          table(
            rows.map((c) => ({ period: c.period, status: c.status, runs: c.runs, started: c.startedAt, finished: c.finishedAt, error: c.error ?? '' })),
            ['period', 'status', 'runs', 'started', 'finished', 'error'],
          ),
        );
      }),
    );
}
