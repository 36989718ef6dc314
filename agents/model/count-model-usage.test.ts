import { describe, expect, it } from 'vitest';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, type UsageMetadata } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { countModelUsage } from './count-model-usage.ts';

interface Report {
  usage?: UsageMetadata;
  llmOutput?: Record<string, unknown>;
}

/** A custom model like the offline rules model: reports usage the way its author chose. */
class ReportingChatModel extends BaseChatModel {
  private readonly report: Report;
  constructor(report: Report) {
    super({});
    this.report = report;
  }
  _llmType(): string {
    return 'reporting-test-model';
  }
  async _generate(): Promise<ChatResult> {
    const message = new AIMessage({ content: 'done', ...(this.report.usage ? { usage_metadata: this.report.usage } : {}) });
    return { generations: [{ text: 'done', message }], llmOutput: this.report.llmOutput };
  }
}

describe('countModelUsage', () => {
  it('reads usage_metadata set by a custom chat model and adds up several calls', async () => {
    const counter = countModelUsage();
    const model = new ReportingChatModel({ usage: { input_tokens: 30, output_tokens: 12, total_tokens: 42 } });
    await model.invoke('one', { callbacks: [counter] });
    await model.invoke('two', { callbacks: [counter] });
    expect(counter.snapshot()).toEqual({ llmCalls: 2, promptTokens: 60, completionTokens: 24, totalTokens: 84 });
  });

  it('falls back to llmOutput.tokenUsage, then to estimatedTokenUsage', async () => {
    const counter = countModelUsage();
    await new ReportingChatModel({ llmOutput: { tokenUsage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 } } }).invoke('a', { callbacks: [counter] });
    await new ReportingChatModel({ llmOutput: { estimatedTokenUsage: { promptTokens: 2, completionTokens: 1 } } }).invoke('b', { callbacks: [counter] });
    expect(counter.snapshot()).toEqual({ llmCalls: 2, promptTokens: 7, completionTokens: 4, totalTokens: 11 });
  });

  it('counts a call that reports no usage at all, with zero tokens', async () => {
    const counter = countModelUsage();
    await new ReportingChatModel({}).invoke('a', { callbacks: [counter] });
    expect(counter.snapshot()).toEqual({ llmCalls: 1, promptTokens: 0, completionTokens: 0, totalTokens: 0 });
  });

  it('hands out copies, and fresh counters start at zero', async () => {
    const counter = countModelUsage();
    const before = counter.snapshot();
    await new ReportingChatModel({ usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 } }).invoke('a', { callbacks: [counter] });
    expect(before).toEqual({ llmCalls: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0 });
    expect(countModelUsage().snapshot().llmCalls).toBe(0);
  });
});
