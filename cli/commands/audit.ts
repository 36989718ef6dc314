import type { Command } from 'commander';
import { runOperation } from '../../app/index.ts';
import { listAudit, verifyAudit } from '../../app/audit/index.ts';
import type { AuditVerification } from '../../db/index.ts';
import { BillingError, exitCodeFor } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { setExitCode } from '../io.ts';
import { action, parseIntOption, printResult, table } from '../output.ts';
import { cliContext } from '../operation-context.ts';
import { AS_OPTION } from './acting-user.ts';

/** A verification for people: the chain, its head, the first break, decisions without their audit entry. */
function describeVerification(v: AuditVerification): string {
  const lines = [
    `Audit log of ${v.tenant}: ${v.rows} row(s) on the hash chain${v.legacyRows ? `, ${v.legacyRows} legacy row(s) from before the chain (not verifiable)` : ''}; head ${v.head ?? '(empty)'}`,
    v.firstBroken ? `BROKEN at row ${v.firstBroken.id}: ${v.firstBroken.reason}` : 'Chain intact: every row matches its hash and follows the previous one.',
    `${v.decisions.checked} decision(s) checked against the audit log${v.decisions.unbacked.length ? '' : ': all recorded there'}.`,
    ...v.decisions.unbacked.map(
      (d) => `UNRECORDED decision ${d.decisionId}: ${d.decision} by ${d.decidedBy} on proposal ${d.proposalId} has no audit entry (inserted outside Switchboard; it is not counted)`,
    ),
  ];
  return [...lines, v.ok ? 'OK' : 'NOT OK'].join('\n');
}

/** `switchboard audit [verify]`: the append-only record of tool calls, proposals, decisions and postings. */
export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description("your operator's audit log: every agent tool call and error, proposal, decision, refusal and posting, oldest first")
    .option('--thread <id>', 'one conversation or approval thread (approval-<proposal id>)')
    .option('--subject <subject>', 'one subject: a tool name, or proposal:<id>')
    .option('--limit <n>', 'at most this many', '200')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { thread?: string; subject?: string; limit?: string; as?: string }>();
        const input = { thread: opts.thread, subject: opts.subject, limit: parseIntOption('limit', opts.limit, 1) };
        const { entries: rows } = await withStore(opts, (store) => runOperation(listAudit, cliContext(store, opts.as), input));
        printResult(opts, rows, (r) =>
          r.length
            ? table(
                r.map((e) => ({ at: e.at, actor: `${e.actor} (${e.actorKind})`, event: e.event, subject: e.subject, detail: JSON.stringify(e.detail).slice(0, 100) })),
                ['at', 'actor', 'event', 'subject', 'detail'],
              )
            : 'Nothing recorded.',
        );
      }),
    );
  audit
    .command('verify')
    .description("check your operator's audit hash chain row by row and every decision against it; exit 2 when anything is broken")
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const v = await withStore(opts, (store) => runOperation(verifyAudit, cliContext(store, opts.as), {}));
        printResult(opts, v, describeVerification);
        // A broken chain is a finding, reported in full above; the exit status says it failed.
        if (!v.ok) setExitCode(exitCodeFor(new BillingError('CONFLICT', 'audit log verification failed')));
      }),
    );
}
