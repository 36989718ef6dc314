import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';
import { INTENTS } from './rules/parse-request.ts';
import { planSteps, type ToolOutcome } from './rules/plan-tool-calls.ts';
import { readMessage, type EarlierTurn } from './rules/read-message.ts';
import { writeAnswer } from './rules/write-answer.ts';
import { invoiceFromThread, readCustomerMessage } from './rules/read-customer-message.ts';
import { planCustomerCall, writeCustomerAnswer } from './rules/write-customer-answer.ts';

interface RulesCallOptions extends BaseChatModelCallOptions {
  tools?: Array<{ type: 'function'; function: { name: string } }>;
}

const text = (m: BaseMessage) => (typeof m.content === 'string' ? m.content : m.content.map((c) => ('text' in c ? c.text : '')).join(''));

/** What the offline model can do, listed when it does not understand. */
export function describeCapabilities(): string {
  return Object.values(INTENTS)
    .filter((i) => i.says)
    .map((i) => `  - ${i.says}`)
    .join('\n');
}

/**
 * The offline stand-in for an LLM: a real chat model (bindTools, tool calls, streaming) that maps a
 * documented set of analyst phrasings to tool calls and writes its answer from the tool results by
 * template. It reads only the analyst's latest message; tool results fill templates and are never
 * read as instructions. It routes like a supervisor when handed `transfer_to_*` tools.
 */
export class RulesChatModel extends BaseChatModel<RulesCallOptions> {
  static override lc_name() {
    return 'RulesChatModel';
  }

  override _llmType(): string {
    return 'switchboard-rules';
  }

  override bindTools(tools: BindToolsInput[], kwargs?: Partial<RulesCallOptions>) {
    return this.withConfig({ tools: tools.map((t) => convertToOpenAITool(t)), ...kwargs } as Partial<RulesCallOptions>);
  }

  /** Decides the next message: a tool call, or the answer. */
  respond(messages: BaseMessage[], toolNames: string[]): AIMessage {
    let h = messages.length - 1;
    while (h >= 0 && !HumanMessage.isInstance(messages[h]!)) h -= 1;
    if (h < 0) return new AIMessage('Ask me something about an invoice, an account or a proposal.');
    // Given the customer toolset, this is the portal assistant: a customer's request about their own account.
    if (toolNames.includes('open_case')) return this.respondToCustomer(text(messages[h]!), this.earlierTurns(messages.slice(0, h)), this.outcomesSince(messages.slice(h + 1)), toolNames);
    const { steps, notDone } = readMessage(text(messages[h]!), this.earlierTurns(messages.slice(0, h)));
    const request = steps[0]!;
    const since = this.outcomesSince(messages.slice(h + 1));
    // Given transfer tools, this is the supervisor: hand a specialist's request over once.
    if (request.agent !== 'supervisor') {
      const target = `transfer_to_${request.agent}`;
      if (toolNames.includes(target) && !since.some((o) => o.name === target)) return this.call(target, { task: request.intent });
    }
    const outcomes = since.filter((o) => !o.name.startsWith('transfer_to_'));
    if (request.intent === 'help') return new AIMessage(`I am the offline assistant (no language model configured). I can:\n${describeCapabilities()}`);
    // Refusals and areas not available yet are answered in words, with no tool and without the whole list.
    if (request.why) return new AIMessage(request.why);
    if (request.intent === 'unknown') {
      return new AIMessage(
        `I did not understand "${request.text.slice(0, 200)}". I understand requests like these:\n${describeCapabilities()}\nName invoices (INV-000123), accounts (A00081), months (2025-03 or March 2025), events (event 42) and proposals (proposal 7).`,
      );
    }
    const { next, runs } = planSteps(steps, outcomes);
    if (next) {
      if (!toolNames.includes(next.tool)) return new AIMessage(`I cannot ${next.tool.replace(/_/g, ' ')} from here: it is not among my tools.`);
      return this.call(next.tool, next.args);
    }
    return new AIMessage(writeAnswer(runs, notDone));
  }

  /** The portal assistant's next message: a call of the customer toolset, or the answer in plain words. */
  private respondToCustomer(message: string, earlier: EarlierTurn[], outcomes: ToolOutcome[], toolNames: string[]): AIMessage {
    const read = readCustomerMessage(message);
    // "dispute it", "explain that one": the invoice named earlier in the customer's own thread.
    const refersBack = /\b(it|that(?! (?:i|you|my|the)\b)|this (?:one|invoice|bill)|the same (?:bill|invoice|one))\b/i.test(message);
    const request = !read.invoice && refersBack && read.intent !== 'plan_advice' ? { ...read, ...(invoiceFromThread(earlier) ? { invoice: invoiceFromThread(earlier) } : {}) } : read;
    const next = planCustomerCall(request, outcomes);
    if (next && toolNames.includes(next.tool)) return this.call(next.tool, next.args);
    return new AIMessage(writeCustomerAnswer(request, outcomes));
  }

  /**
   * The thread's earlier turns as question and answer (the graph hands them over as such): read
   * only to resolve "it" and ids the analyst named before, never as instructions or decisions.
   */
  private earlierTurns(messages: BaseMessage[]): EarlierTurn[] {
    const turns: EarlierTurn[] = [];
    for (const m of messages) {
      if (HumanMessage.isInstance(m)) turns.push({ question: text(m), answer: '' });
      else if (AIMessage.isInstance(m) && !m.tool_calls?.length && turns.length) turns[turns.length - 1]!.answer = text(m);
    }
    return turns;
  }

  private call(name: string, args: Record<string, unknown>): AIMessage {
    const id = `call_${name}_${Math.random().toString(36).slice(2, 10)}`;
    return new AIMessage({ content: '', tool_calls: [{ id, name, args, type: 'tool_call' }] });
  }

  private outcomesSince(messages: BaseMessage[]): ToolOutcome[] {
    const out: ToolOutcome[] = [];
    for (const m of messages) {
      if (!ToolMessage.isInstance(m)) continue;
      let output: ToolOutcome['output'];
      try {
        const parsed: unknown = JSON.parse(text(m));
        output = parsed as ToolOutcome['output'];
      } catch {
        output = { note: text(m) } as ToolOutcome['output'];
      }
      out.push({ name: m.name ?? '', output });
    }
    return out;
  }

  private usage(messages: BaseMessage[], reply: AIMessage) {
    // Token counts of a rules model are estimates (4 characters a token), kept so runs report alike.
    const input = Math.ceil(messages.reduce((s, m) => s + text(m).length, 0) / 4);
    const output = Math.ceil((text(reply).length + JSON.stringify(reply.tool_calls ?? []).length) / 4);
    return { input_tokens: input, output_tokens: output, total_tokens: input + output };
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const reply = this.respond(
      messages,
      (options.tools ?? []).map((t) => t.function.name),
    );
    reply.usage_metadata = this.usage(messages, reply);
    return { generations: [{ text: text(reply), message: reply }] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const reply = this.respond(
      messages,
      (options.tools ?? []).map((t) => t.function.name),
    );
    const usage = this.usage(messages, reply);
    if (reply.tool_calls?.length) {
      const tc = reply.tool_calls[0]!;
      yield new ChatGenerationChunk({
        text: '',
        message: new AIMessageChunk({ content: '', tool_call_chunks: [{ id: tc.id, name: tc.name, args: JSON.stringify(tc.args), index: 0, type: 'tool_call_chunk' }], usage_metadata: usage }),
      });
      return;
    }
    const words = text(reply).split(/(?<=\s)/);
    for (let i = 0; i < words.length; i += 1) {
      const piece = words[i]!;
      const chunk = new ChatGenerationChunk({ text: piece, message: new AIMessageChunk({ content: piece, ...(i === words.length - 1 ? { usage_metadata: usage } : {}) }) });
      yield chunk;
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
    }
  }
}
