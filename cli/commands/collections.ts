import type { Command } from 'commander';
import { listPaymentPromises, recordPaymentPromise, runCollectionsOp, showAccountCollections } from '../../app/collections/index.ts';
import { runOperation } from '../../app/operation.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

type Opts = GlobalOptions & { as?: string; today?: string };
const TODAY_OPTION = ['--today <date>', 'the day to act as of (YYYY-MM-DD; default today)'] as const;

/** `switchboard collections run|show|promise|promises`: the dunning ladder, payment risk and promises to pay (docs/collections.md). */
export function registerCollections(program: Command): void {
  const c = program.command('collections').description('collections: the daily run (reminders, late fees, restrictions, bars), an account’s risk and ladder, promises to pay');
  c.command('run')
    .description('follow up promises, send due reminders, propose due late fees, restrictions and bars (idempotent: the daily job runs it too)')
    .option(...AS_OPTION)
    .option(...TODAY_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        const out = await withStore(opts, (store) => runOperation(runCollectionsOp, cliContext(store, opts.as, opts.today), {}));
        printResult(opts, out, (r) =>
          [
            `Collections on ${r.asOf}: ${r.accounts} account(s); ${r.remindersSent} reminder(s) sent; ${r.proposed.filter((p) => !p.existing).length} step(s) proposed (${r.proposed.filter((p) => p.existing).length} already waiting); ${r.paused.length} paused by a promise; ${r.idle} with nothing due`,
            ...r.proposed.map((p) => `  ${p.accountId}: ${p.step} proposal ${p.proposalId}${p.existing ? ' (already waiting)' : ''}`),
            ...(r.promisesKept.length ? [`  promises kept: ${r.promisesKept.join(', ')}`] : []),
            ...(r.promisesBroken.length ? [`  promises broken (ladder resumed): ${r.promisesBroken.join(', ')}`] : []),
          ].join('\n'),
        );
      }),
    );
  c.command('show <account>')
    .description('an account’s payment risk (score and band), its ladder today, promises and restrictions')
    .option(...AS_OPTION)
    .option(...TODAY_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (accountId: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        const out = await withStore(opts, (store) => runOperation(showAccountCollections, cliContext(store, opts.as, opts.today), { accountId }));
        printResult(opts, out, (r) =>
          [
            `${r.accountId}: payment risk ${r.risk.band} (${r.risk.score}); reminders by ${r.channels.join(' and ')}`,
            `  ${r.plan.summary}${r.paused ? `; paused: ${r.paused}` : ''}`,
            ...r.plan.steps.map((s) => `  due: ${s.stepId}${s.requiresApproval ? ' (proposal, four eyes)' : ' (sent by the run)'}${s.lateFee ? `, late fee ${s.lateFee}` : ''}`),
            ...r.plan.held.map((h) => `  held: ${h.stepId}: ${h.reason}`),
            ...(r.taken.length ? [`  taken: ${r.taken.join(', ')}`] : []),
            ...(r.disputed.length ? [`  disputed invoices (their ladder stopped): ${r.disputed.join(', ')}`] : []),
            ...r.promises.map((p) => `  promise ${p.id}: ${p.amount} ${p.currency} by ${p.promisedFor}, ${p.status} (recorded by ${p.recordedBy})`),
            ...r.restrictions.map((x) => `  restriction: ${x.level} (proposal ${x.proposalId}) on ${x.lines.join(', ')}`),
          ].join('\n'),
        );
      }),
    );
  c.command('promise <account>')
    .description('record a promise to pay: the ladder pauses until its date; kept when paid in full by then, else broken and the ladder resumes')
    .requiredOption('--amount <amount>', 'the amount promised (decimal, account currency)')
    .requiredOption('--by <date>', 'the day the customer will have paid by (YYYY-MM-DD)')
    .option('--note <text>', 'what was said')
    .option(...AS_OPTION)
    .option(...TODAY_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (accountId: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { amount: string; by: string; note?: string }>();
        const input = { accountId, amount: opts.amount, promisedFor: opts.by, ...(opts.note ? { note: opts.note } : {}) };
        const out = await withStore(opts, (store) => runOperation(recordPaymentPromise, cliContext(store, opts.as, opts.today), input));
        printResult(opts, out, (p) => `Promise ${p.id}: ${p.accountId} pays ${p.amount} ${p.currency} by ${p.promisedFor} (recorded by ${p.recordedBy}); the ladder pauses until then`);
      }),
    );
  c.command('promises')
    .description('promises to pay, newest first')
    .option('--account <id>', 'one account')
    .addOption(choiceOption('--status <status>', 'open, kept, broken', ['open', 'kept', 'broken'] as const))
    .option('--limit <n>', 'at most this many', '100')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { account?: string; status?: 'open' | 'kept' | 'broken'; limit: string }>();
        const input = { ...(opts.account ? { accountId: opts.account } : {}), ...(opts.status ? { status: opts.status } : {}), limit: parseIntOption('limit', opts.limit, 1) };
        const out = await withStore(opts, (store) => runOperation(listPaymentPromises, cliContext(store, opts.as), input));
        printResult(opts, out, (r) => (r.promises.length ? table(r.promises, ['id', 'accountId', 'amount', 'currency', 'promisedFor', 'status', 'recordedBy', 'closedOn']) : 'No promises.'));
      }),
    );
}
