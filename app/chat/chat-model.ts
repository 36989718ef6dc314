import { loadConfig } from '../../config/index.ts';
import type { OperationContext } from '../context.ts';

/**
 * The chat model of a turn: the context's own (tests, evals), else an OpenAI-compatible endpoint
 * when configured, else the offline rules model. Loaded on demand, so nothing that never chats
 * loads LangChain.
 */
export async function chatModelFor(ctx: OperationContext) {
  if (ctx.chatModel) return ctx.chatModel();
  const { createChatModel, RulesChatModel } = await import('../../agents/model/index.ts');
  const { model, name } = createChatModel(loadConfig(), { fallback: () => new RulesChatModel({}) });
  return { model, name };
}
