export { buildSupervisorGraph } from './graph.ts';
export { runChatTurn, type ChatTurnInput, type ChatTurnResult } from './run-chat-turn.ts';
