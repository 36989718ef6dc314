import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import { AIMessage, AIMessageChunk } from '@langchain/core/messages';
import type { LLMResult } from '@langchain/core/outputs';

/** Totals of model calls and tokens seen by one counter. */
export interface ModelUsageSnapshot {
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/**
 * Counts completed model calls and their tokens. Attach one instance per run
 * (`callbacks: [counter]`) and read `snapshot()` when the run is over.
 */
export class ModelUsageCounter extends BaseCallbackHandler {
  name = 'switchboard_model_usage_counter';
  private readonly totals: ModelUsageSnapshot = { llmCalls: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  // A run id seen twice (a handler copied into two managers) must not count twice.
  private readonly countedRuns = new Set<string>();

  constructor() {
    // Awaited, not backgrounded: snapshot() right after invoke()/stream() must already include that call.
    super({ _awaitHandler: true });
  }

  /** Adds one finished call and its token usage to the totals. */
  override handleLLMEnd(output: LLMResult, runId: string): void {
    if (this.countedRuns.has(runId)) return;
    this.countedRuns.add(runId);
    const usage = readUsage(output);
    this.totals.llmCalls += 1;
    this.totals.promptTokens += usage.promptTokens;
    this.totals.completionTokens += usage.completionTokens;
    this.totals.totalTokens += usage.totalTokens;
  }

  /** The totals so far, as a copy. */
  snapshot(): ModelUsageSnapshot {
    return { ...this.totals };
  }
}

/** Creates a fresh usage counter to pass as a callback for one run. */
export function countModelUsage(): ModelUsageCounter {
  return new ModelUsageCounter();
}

// usage_metadata on the messages is the standard place (ChatOpenAI both ways, and custom models);
// llmOutput is the fallback for models that only report there (or only estimate).
function readUsage(output: LLMResult): TokenCounts {
  const fromMessages = readMessageUsage(output);
  if (fromMessages) return fromMessages;
  const llmOutput = output.llmOutput ?? {};
  return readLlmOutputUsage(llmOutput.tokenUsage) ?? readLlmOutputUsage(llmOutput.estimatedTokenUsage) ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
}

function readMessageUsage(output: LLMResult): TokenCounts | undefined {
  let found: TokenCounts | undefined;
  for (const candidates of output.generations) {
    // With n > 1 every candidate carries the whole request's usage, so one per prompt, not a sum.
    const usage = candidates.map(messageUsage).find((u) => u !== undefined);
    if (!usage) continue;
    found = found ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    found.promptTokens += usage.promptTokens;
    found.completionTokens += usage.completionTokens;
    found.totalTokens += usage.totalTokens;
  }
  return found;
}

function messageUsage(generation: LLMResult['generations'][number][number]): TokenCounts | undefined {
  const message: unknown = 'message' in generation ? generation.message : undefined;
  if (!AIMessage.isInstance(message) && !AIMessageChunk.isInstance(message)) return undefined;
  const usage = message.usage_metadata;
  if (!usage) return undefined;
  const promptTokens = toCount(usage.input_tokens);
  const completionTokens = toCount(usage.output_tokens);
  return { promptTokens, completionTokens, totalTokens: toCount(usage.total_tokens) || promptTokens + completionTokens };
}

function readLlmOutputUsage(value: unknown): TokenCounts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const usage = value as { promptTokens?: unknown; completionTokens?: unknown; totalTokens?: unknown };
  const promptTokens = toCount(usage.promptTokens);
  const completionTokens = toCount(usage.completionTokens);
  const totalTokens = toCount(usage.totalTokens) || promptTokens + completionTokens;
  if (promptTokens === 0 && completionTokens === 0 && totalTokens === 0) return undefined;
  return { promptTokens, completionTokens, totalTokens };
}

function toCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
