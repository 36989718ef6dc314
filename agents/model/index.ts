export { createChatModel, type ChatModelKind, type CreatedChatModel, type CreateChatModelOptions } from './create-chat-model.ts';
export { countModelUsage, ModelUsageCounter, type ModelUsageSnapshot } from './count-model-usage.ts';
export { RulesChatModel, describeCapabilities } from './rules-chat-model.ts';
export { parseRequest, INTENTS, type AnalystRequest, type IntentName } from './rules/parse-request.ts';
