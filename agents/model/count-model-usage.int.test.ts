import { afterEach, describe, expect, it } from 'vitest';
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { appConfigSchema } from '../../config/load-config.ts';
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedTurn } from '../testing/openai-compatible-server.ts';
import { createChatModel } from './create-chat-model.ts';
import { countModelUsage } from './count-model-usage.ts';

/** Stands in for LangGraph's "messages" stream mode: its presence makes invoke() stream under the hood. */
class TokenListener extends BaseCallbackHandler {
  name = 'token_listener';
  readonly lc_prefer_streaming = true;
  tokens: string[] = [];
  override handleLLMNewToken(token: string): void {
    this.tokens.push(token);
  }
}

let server: OpenAiCompatibleServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelAgainst(script: ScriptedTurn[]): Promise<BaseChatModel> {
  server = await startOpenAiCompatibleServer({ script });
  const config = appConfigSchema.parse({ openaiBaseUrl: server.baseUrl, modelMaxRetries: 0 });
  return createChatModel(config, { fallback: () => new FakeListChatModel({ responses: [] }) }).model;
}

const usageTurn = (content: string, promptTokens: number, completionTokens: number): ScriptedTurn => ({ content, usage: { promptTokens, completionTokens } });

describe('countModelUsage with ChatOpenAI', () => {
  it('(d) counts calls and tokens of non-streaming calls', async () => {
    const model = await modelAgainst([usageTurn('first', 120, 30), usageTurn('second', 200, 15)]);
    const counter = countModelUsage();
    await model.invoke('one', { callbacks: [counter] });
    await model.invoke('two', { callbacks: [counter] });
    expect(counter.snapshot()).toEqual({ llmCalls: 2, promptTokens: 320, completionTokens: 45, totalTokens: 365 });
  });

  it('(d) counts a streamed call from the final usage chunk', async () => {
    const model = await modelAgainst([usageTurn('streamed answer in words', 80, 9)]);
    const counter = countModelUsage();
    let text = '';
    for await (const chunk of await model.stream('go', { callbacks: [counter] })) text += chunk.content;
    expect(text).toBe('streamed answer in words');
    expect(counter.snapshot()).toEqual({ llmCalls: 1, promptTokens: 80, completionTokens: 9, totalTokens: 89 });
  });

  it('(d) counts an invoke() that streams because a token listener is attached (as in LangGraph)', async () => {
    const model = await modelAgainst([usageTurn('listened to', 50, 4)]);
    const counter = countModelUsage();
    const listener = new TokenListener();
    const reply = await model.invoke('go', { callbacks: [counter, listener] });
    expect(reply.content).toBe('listened to');
    expect(server!.requests[0]?.stream).toBe(true);
    expect(listener.tokens.join('')).toBe('listened to');
    expect(counter.snapshot()).toEqual({ llmCalls: 1, promptTokens: 50, completionTokens: 4, totalTokens: 54 });
  });

  it('(d) counts tool-calling turns too', async () => {
    const model = await modelAgainst([{ toolCalls: [{ name: 'noop', args: {} }], usage: { promptTokens: 10, completionTokens: 6 } }]);
    const counter = countModelUsage();
    await model.invoke('go', { callbacks: [counter] });
    expect(counter.snapshot()).toEqual({ llmCalls: 1, promptTokens: 10, completionTokens: 6, totalTokens: 16 });
  });
});
