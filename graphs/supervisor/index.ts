export { buildSupervisorGraph } from './graph.ts';
export { runChatTurn, type ChatTurnInput, type ChatTurnResult, type ChatTurnEvent } from './run-chat-turn.ts';
