import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { checkAllowed, runOperation, type OperationContext } from '../../app/index.ts';
import { postMessage } from '../../app/chat/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliStdin, cliStdout } from '../io.ts';
import { cliContext } from '../operation-context.ts';
import { action, printResult } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

type ChatOptions = GlobalOptions & { thread?: string; as?: string };
type Turn = Awaited<ReturnType<typeof runOperation<typeof postMessage.input, typeof postMessage.output>>>;

/** The line after an answer: which thread, who worked, which tools, what it cost. */
function footer(r: Turn): string {
  const tools = r.tools.map((t) => (t.ok ? t.name : `${t.name} (failed)`)).join(', ') || 'none';
  return `— thread ${r.threadId} · agents ${r.agents.join(' > ')} · tools ${tools} · ${r.model}: ${r.usage.llmCalls} model calls, ${r.usage.totalTokens} tokens`;
}

/** One turn through the chat.post-message operation: the answer written as it comes, then the footer (or all of it as JSON). */
async function oneTurn(ctx: OperationContext, message: string, json: boolean | undefined, threadId: string | undefined): Promise<Turn> {
  const input = { message, ...(threadId ? { threadId } : {}) };
  if (json) {
    const r = await runOperation(postMessage, ctx, input);
    printResult({ json }, r, () => '');
    return r;
  }
  const out = cliStdout();
  const r = await runOperation(postMessage, { ...ctx, emit: (e) => e.type === 'token' && out.write(String(e.text)) }, input);
  out.write(`\n${footer(r)}\n`);
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
          const ctx = cliContext(store, opts.as);
          if (words.length) {
            await oneTurn(ctx, words.join(' '), opts.json, opts.thread);
            return;
          }
          // Refused before the greeting: nobody named, or a role that may not chat.
          checkAllowed(postMessage, ctx);
          const out = cliStdout();
          // Lines are read as a stream (buffered), so input typed or piped while an answer is being written is kept.
          const rl = createInterface({ input: cliStdin(), output: out as NodeJS.WritableStream, prompt: 'you> ' });
          let thread = opts.thread;
          out.write(`Switchboard chat as ${ctx.actor.id} (${ctx.actor.roles.join(', ')}). Type "help" for what I understand, "exit" to leave.\n`);
          rl.prompt();
          try {
            for await (const raw of rl) {
              const line = raw.trim();
              if (/^(exit|quit)$/i.test(line)) break;
              if (line) {
                try {
                  thread = (await oneTurn(ctx, line, false, thread)).threadId;
                } catch (err) {
                  out.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
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
