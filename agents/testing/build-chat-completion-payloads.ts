/**
 * The response bodies of the OpenAI chat-completions protocol for one scripted turn: the plain JSON
 * completion and the SSE chunk sequence, shaped like api.openai.com's so LangChain's real parser is tested.
 */

/** One scripted tool call: the function name and its arguments (serialised to JSON on the wire). */
export interface ScriptedToolCall {
  name: string;
  args: Record<string, unknown>;
  /** Defaults to `call_<turn>_<index>`. */
  id?: string;
}

/** Token counts reported for a turn; estimated from the text when left out. */
export interface ScriptedUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ScriptedReply {
  content?: string;
  toolCalls?: ScriptedToolCall[];
  usage?: ScriptedUsage;
}

export interface PayloadContext {
  /** 0-based position of the turn in the script. */
  turnIndex: number;
  model: string;
  /** Used to estimate prompt tokens when the turn gives no usage. */
  promptText: string;
}

type WireToolCall = { id: string; type: 'function'; function: { name: string; arguments: string } };
type ChatCompletionChunk = Record<string, unknown>;

const CREATED = 1_700_000_000;

/** Builds the non-streaming `chat.completion` JSON body for a scripted reply. */
export function buildChatCompletion(reply: ScriptedReply, ctx: PayloadContext): Record<string, unknown> {
  const toolCalls = wireToolCalls(reply, ctx.turnIndex);
  return {
    id: completionId(ctx.turnIndex),
    object: 'chat.completion',
    created: CREATED,
    model: ctx.model,
    system_fingerprint: 'fp_switchboard_test',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: reply.content ?? null,
          refusal: null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
      },
    ],
    usage: wireUsage(reply, ctx),
  };
}

/**
 * Builds the `chat.completion.chunk` sequence for a streamed reply: a role chunk, content in word-sized
 * pieces, each tool call's id and name first then its arguments in several fragments, a finish chunk
 * and, when asked, a usage chunk with no choices (as OpenAI does for `stream_options.include_usage`).
 */
export function buildChatCompletionChunks(reply: ScriptedReply, ctx: PayloadContext, includeUsage: boolean): ChatCompletionChunk[] {
  const id = completionId(ctx.turnIndex);
  // OpenAI sends `usage: null` on every chunk but the last when usage is requested.
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created: CREATED,
    model: ctx.model,
    system_fingerprint: 'fp_switchboard_test',
    choices,
    ...(includeUsage ? { usage: null } : {}),
    ...extra,
  });
  const delta = (d: Record<string, unknown>, finishReason: string | null = null) => ({ index: 0, delta: d, logprobs: null, finish_reason: finishReason });

  const chunks: ChatCompletionChunk[] = [chunk([delta({ role: 'assistant', content: '', refusal: null })])];
  for (const piece of splitContent(reply.content ?? '')) chunks.push(chunk([delta({ content: piece })]));
  const toolCalls = wireToolCalls(reply, ctx.turnIndex);
  toolCalls.forEach((call, index) => {
    chunks.push(chunk([delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] })]));
    for (const fragment of splitArguments(call.function.arguments)) {
      chunks.push(chunk([delta({ tool_calls: [{ index, function: { arguments: fragment } }] })]));
    }
  });
  chunks.push(chunk([delta({}, toolCalls.length ? 'tool_calls' : 'stop')]));
  if (includeUsage) chunks.push(chunk([], { usage: wireUsage(reply, ctx) }));
  return chunks;
}

function completionId(turnIndex: number): string {
  return `chatcmpl-switchboard-${turnIndex + 1}`;
}

function wireToolCalls(reply: ScriptedReply, turnIndex: number): WireToolCall[] {
  return (reply.toolCalls ?? []).map((call, i) => ({
    id: call.id ?? `call_${turnIndex + 1}_${i + 1}`,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.args) },
  }));
}

function wireUsage(reply: ScriptedReply, ctx: PayloadContext) {
  // Deterministic rough estimate (4 characters a token) so tests can still assert non-zero usage.
  const completionText = (reply.content ?? '') + (reply.toolCalls ?? []).map((c) => c.name + JSON.stringify(c.args)).join('');
  const promptTokens = reply.usage?.promptTokens ?? Math.max(1, Math.ceil(ctx.promptText.length / 4));
  const completionTokens = reply.usage?.completionTokens ?? Math.max(1, Math.ceil(completionText.length / 4));
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

// Word pieces keeping their trailing spaces, so the chunks concatenate back to the exact text.
function splitContent(content: string): string[] {
  return content.match(/\S+\s*|\s+/g) ?? [];
}

// Three fragments at arbitrary byte positions, like real streams that cut inside keys and strings.
function splitArguments(json: string): string[] {
  if (json.length < 3) return [json];
  const a = Math.floor(json.length / 3);
  const b = Math.floor((2 * json.length) / 3);
  return [json.slice(0, a), json.slice(a, b), json.slice(b)];
}
