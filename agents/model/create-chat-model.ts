import { ChatOpenAICompletions } from '@langchain/openai';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AppConfig } from '../../config/load-config.ts';

/** Which kind of model a run got: a real OpenAI-compatible endpoint or the offline fallback. */
export type ChatModelKind = 'openai' | 'offline';

export interface CreatedChatModel {
  model: BaseChatModel;
  kind: ChatModelKind;
  /** The model name to show in logs and run records. */
  name: string;
}

export interface CreateChatModelOptions {
  /** Builds the model used when no endpoint is configured; called only in that case. */
  fallback: () => BaseChatModel;
}

const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
// Local OpenAI-compatible servers (Ollama, vLLM, llama.cpp) ignore the key, but the OpenAI client refuses to start without one.
const PLACEHOLDER_API_KEY = 'not-needed';

/** Picks the chat model for a run: an OpenAI-compatible endpoint when a key or base URL is configured, else the offline fallback. */
export function createChatModel(config: AppConfig, options: CreateChatModelOptions): CreatedChatModel {
  if (!config.openaiApiKey && !config.openaiBaseUrl) {
    const model = options.fallback();
    return { model, kind: 'offline', name: model.getName() };
  }
  // ChatOpenAICompletions rather than ChatOpenAI: ChatOpenAI silently switches to the Responses API for
  // some model names (codex, gpt-5.x-pro) and tool kinds, which local servers do not implement.
  const model = new ChatOpenAICompletions({
    model: config.model,
    // Explicit key, base URL, organization and project: otherwise LangChain and the OpenAI client fall
    // back to OPENAI_* / LangSmith gateway environment variables behind the typed config's back.
    apiKey: config.openaiApiKey ?? PLACEHOLDER_API_KEY,
    configuration: {
      baseURL: config.openaiBaseUrl ?? OPENAI_DEFAULT_BASE_URL,
      organization: null,
      project: null,
    },
    temperature: 0,
    // `streaming` left unset on purpose: `streaming: false` would set disableStreaming and turn stream()
    // into one blocking call, while `true` makes invoke() stream and estimate usage with tiktoken.
    // Unset, invoke() is one JSON request and stream() / LangGraph's "messages" mode stream for real.
    streamUsage: true,
    maxRetries: config.modelMaxRetries,
    timeout: config.modelTimeoutMs,
  });
  return { model, kind: 'openai', name: config.model };
}
