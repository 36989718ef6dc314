import type { Command } from 'commander';
import { listAudit } from '../../db/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION, actingUser } from './acting-user.ts';

/** `switchboard audit`: the append-only record of tool calls, proposals, decisions and postings. */
export function registerAudit(program: Command): void {
  program
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
        const rows = await withStore(opts, (store) =>
          listAudit(store, actingUser(store, opts.as).tenant, { threadId: opts.thread, subject: opts.subject, limit: parseIntOption('limit', opts.limit, 1) }),
        );
        printResult(opts, rows, (r) =>
          r.length ? table(r.map((e) => ({ at: e.at, actor: `${e.actor} (${e.actorKind})`, event: e.event, subject: e.subject, detail: JSON.stringify(e.detail).slice(0, 100) })), ['at', 'actor', 'event', 'subject', 'detail']) : 'Nothing recorded.',
        );
      }),
    );
}
