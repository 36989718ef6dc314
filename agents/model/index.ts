export { createChatModel, type ChatModelKind, type CreatedChatModel, type CreateChatModelOptions } from './create-chat-model.ts';
export { countModelUsage, ModelUsageCounter, type ModelUsageSnapshot } from './count-model-usage.ts';
// The offline rules model (rules-chat-model.ts) is exported here by its author.
