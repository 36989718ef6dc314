import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import type { Store, UserRecord } from '../../db/index.ts';
import type { ChatTurnResult } from '../../graphs/supervisor/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, printResult } from '../output.ts';
import { AS_OPTION, actingUser, chatModel } from './acting-user.ts';

type ChatOptions = GlobalOptions & { thread?: string; as?: string };

/** The line after an answer: which thread, who worked, which tools, what it cost. */
function footer(r: ChatTurnResult, model: string): string {
  const tools = r.tools.map((t) => (t.ok ? t.name : `${t.name} (failed)`)).join(', ') || 'none';
  return `— thread ${r.threadId} · agents ${r.agents.join(' > ')} · tools ${tools} · ${model}: ${r.usage.llmCalls} model calls, ${r.usage.totalTokens} tokens`;
}

async function oneTurn(store: Store, user: UserRecord, message: string, opts: ChatOptions, threadId: string | undefined): Promise<ChatTurnResult> {
  const { model, name } = await chatModel();
  const { runChatTurn } = await import('../../graphs/supervisor/index.ts');
  if (opts.json) {
    const r = await runChatTurn({ store, user, message, threadId, model });
    printResult(opts, { ...r, model: name }, () => '');
    return r;
  }
  const r = await runChatTurn({ store, user, message, threadId, model, onToken: (piece) => process.stdout.write(piece) });
  process.stdout.write(`\n${footer(r, name)}\n`);
  return r;
}

/** `switchboard chat`: talk to the supervisor; one question, or an interactive session when none is given. */
export function registerChat(program: Command): void {
  program
    .command('chat [message...]')
    .description('ask the billing agents in plain words (interactive without a message); money-changing requests become proposals for approvers')
    .option('--thread <id>', 'continue a conversation')
    .option(...AS_OPTION)
    .option('--json', 'one question in, the answer, agents, tools, proposals and model usage out as JSON')
    .action(
      action(async (words: string[], _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<ChatOptions>();
        await withStore(opts, async (store) => {
          const user = actingUser(store, opts.as);
          if (words.length) {
            await oneTurn(store, user, words.join(' '), opts, opts.thread);
            return;
          }
          // Lines are read as a stream (buffered), so input typed or piped while an answer is being written is kept.
          const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'you> ' });
          let thread = opts.thread;
          process.stdout.write(`Switchboard chat as ${user.id} (${user.roles.join(', ')}). Type "help" for what I understand, "exit" to leave.\n`);
          rl.prompt();
          try {
            for await (const raw of rl) {
              const line = raw.trim();
              if (/^(exit|quit)$/i.test(line)) break;
              if (line) {
                try {
                  thread = (await oneTurn(store, user, line, { ...opts, json: false }, thread)).threadId;
                } catch (err) {
                  process.stdout.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
                }
              }
              rl.prompt();
            }
          } finally {
            rl.close();
          }
        });
      }),
    );
}
