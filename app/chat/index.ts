export { postMessage } from './post-message.ts';
export { listThreads } from './list-threads.ts';
export { showThread } from './show-thread.ts';
export { threadIdSchema } from './chat-schemas.ts';
