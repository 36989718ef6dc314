import { describe, expect, it, vi } from 'vitest';
import { ChatOpenAICompletions } from '@langchain/openai';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { appConfigSchema, loadConfig } from '../../config/load-config.ts';
import { createChatModel } from './create-chat-model.ts';

const offlineModel = () => new FakeListChatModel({ responses: ['offline'] });

describe('createChatModel', () => {
  it('uses the fallback when neither an API key nor a base URL is configured', () => {
    const fallback = vi.fn(offlineModel);
    const created = createChatModel(appConfigSchema.parse({}), { fallback });
    expect(fallback).toHaveBeenCalledOnce();
    expect(created.kind).toBe('offline');
    expect(created.model).toBe(fallback.mock.results[0]?.value);
    expect(created.name).toBe(created.model.getName());
  });

  it('builds a chat-completions OpenAI model from an API key, against api.openai.com', () => {
    const fallback = vi.fn(offlineModel);
    const created = createChatModel(appConfigSchema.parse({ openaiApiKey: 'sk-test', model: 'gpt-4o-mini' }), { fallback });
    expect(fallback).not.toHaveBeenCalled();
    expect(created.kind).toBe('openai');
    expect(created.name).toBe('gpt-4o-mini');
    const model = created.model as ChatOpenAICompletions;
    expect(model).toBeInstanceOf(ChatOpenAICompletions);
    expect(model.apiKey).toBe('sk-test');
    expect(model.clientConfig.baseURL).toBe('https://api.openai.com/v1');
    expect(model.model).toBe('gpt-4o-mini');
    expect(model.temperature).toBe(0);
  });

  it('accepts a base URL alone (local servers need no key) with a placeholder key', () => {
    const config = appConfigSchema.parse({ openaiBaseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' });
    const model = createChatModel(config, { fallback: offlineModel }).model as ChatOpenAICompletions;
    expect(model.apiKey).toBe('not-needed');
    expect(model.clientConfig.baseURL).toBe('http://127.0.0.1:11434/v1');
  });

  it('stays stream-capable, asks for usage when streaming, and takes timeout and retries from the config', () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://localhost:8000/v1', SWITCHBOARD_MODEL_TIMEOUT_MS: '5000', SWITCHBOARD_MODEL_MAX_RETRIES: '1' });
    expect(config.modelTimeoutMs).toBe(5000);
    expect(config.modelMaxRetries).toBe(1);
    const model = createChatModel(config, { fallback: offlineModel }).model as ChatOpenAICompletions;
    expect(model.streaming).toBe(false);
    expect(model.disableStreaming).toBe(false);
    expect(model.streamUsage).toBe(true);
    expect(model.timeout).toBe(5000);
    expect((model.caller as unknown as { maxRetries: number }).maxRetries).toBe(1);
  });
});
