import type { Command } from 'commander';
import { runOperation } from '../../app/operation.ts';
import { decideProposal, listProposals, showProposal } from '../../app/proposals/index.ts';
import type { StoredProposal } from '../../db/index.ts';
import { proposalStatusSchema } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, choiceOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/** A proposal id from the command line. */
function proposalId(id: string): number {
  if (!/^\d+$/.test(id)) throw new BillingError('INVALID_INPUT', `a proposal id is a number, not ${id}`);
  return Number(id);
}

type Opts = GlobalOptions & { as?: string; reason?: string; amount?: string; status?: string };

/** A proposal for people: what it does, who asked, who decided, what posting produced. */
export function describeProposal(p: StoredProposal): string {
  return [
    `Proposal ${p.id} [${p.status}] ${p.kind} for account ${p.accountId}`,
    `  ${p.summary}`,
    `  Amount ${p.amount} ${p.currency} (computed by the billing tools); needs ${p.requiredApprovals} approver(s) other than ${p.requestedBy}`,
    ...(p.kind === 'refund'
      ? [
          `  Pays ${p.payload.holderName}, IBAN ${p.payload.iban} (credit balance ${p.payload.creditBalance} when proposed)`,
          p.payload.destinationCheck.passed
            ? '  Destination check: passed (the account paid from this IBAN)'
            : `  Destination check: FLAGGED (${p.payload.destinationCheck.severity}): ${p.payload.destinationCheck.signals.join('; ')}`,
        ]
      : []),
    `  Asked by ${p.requestedBy}${p.agent ? ` through the ${p.agent} agent` : ''}${p.threadId ? ` in ${p.threadId}` : ''} at ${p.createdAt}: "${p.reason}"`,
    ...p.decisions.map(
      (d) =>
        `  ${d.decision === 'approve' ? 'Approved' : 'Rejected'} by ${d.decidedBy} at ${d.decidedAt}: "${d.reason}"${d.editedAmount ? ` (amount lowered to ${d.editedAmount})` : ''}${d.verified ? '' : ' [NOT IN THE AUDIT LOG: not counted; see `switchboard audit verify`]'}`,
    ),
    ...(p.postingRef ? [`  Posted at ${p.postedAt}: ${p.postingRef}`] : []),
  ].join('\n');
}

function decideCommand(approvals: Command, decision: 'approve' | 'reject'): void {
  const cmd = approvals.command(`${decision} <id>`);
  if (decision === 'approve') cmd.option('--amount <amount>', 'approve a lower amount (waivers and credits)');
  cmd
    .description(decision === 'approve' ? 'approve a proposal (four eyes: not your own; a second approver above the policy amount); posts it once enough people approved' : 'reject a proposal')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, c: Command) => {
        const opts = c.optsWithGlobals<Opts>();
        // The operation applies the four-eyes rules as the --as user and posts once enough people approved.
        const input = { proposalId: proposalId(id), decision, reason: opts.reason, ...(typeof opts.amount === 'string' ? { amount: opts.amount } : {}) };
        const p = await withStore(opts, (store) => runOperation(decideProposal, cliContext(store, opts.as), input));
        printResult(opts, p, describeProposal);
      }),
    );
}

/** `switchboard approvals list|show|approve|reject`: the people's side of agents-propose, people-approve. */
export function registerApprovals(program: Command): void {
  const approvals = program.command('approvals').description('proposals that wait for people: list, show, approve, reject');
  approvals
    .command('list')
    .description("your operator's proposals (pending by default)")
    .addOption(choiceOption('--status <status>', `${proposalStatusSchema.options.join(', ')} or all`, [...proposalStatusSchema.options, 'all'], 'pending'))
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        const input = { status: opts.status === 'all' ? undefined : opts.status };
        const { proposals: rows } = await withStore(opts, (store) => runOperation(listProposals, cliContext(store, opts.as), input));
        printResult(opts, rows, (r) =>
          r.length
            ? table(
                r.map((p) => ({ id: p.id, status: p.status, kind: p.kind, account: p.accountId, amount: `${p.amount} ${p.currency}`, by: p.requestedBy, summary: p.summary.slice(0, 80) })),
                ['id', 'status', 'kind', 'account', 'amount', 'by', 'summary'],
              )
            : 'No proposals.',
        );
      }),
    );
  approvals
    .command('show <id>')
    .description('one proposal: what it does, who asked, decisions, posting')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        const p = await withStore(opts, (store) => runOperation(showProposal, cliContext(store, opts.as), { proposalId: proposalId(id) }));
        printResult(opts, p, describeProposal);
      }),
    );
  decideCommand(approvals, 'approve');
  decideCommand(approvals, 'reject');
}
