import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimChatThread, listTenantThreads, threadTitle } from './chat-thread-store.ts';
import { tenantScope } from './scope.ts';
import { createTempStore } from './testing/create-temp-store.ts';

describe('chat thread titles', () => {
  let store: ReturnType<typeof createTempStore>;
  beforeEach(() => {
    store = createTempStore();
  });
  afterEach(() => store.cleanup());

  it('cuts the first message to one line of at most 80 characters, at a word', () => {
    expect(threadTitle('  why is\n invoice   INV-000001 high? ')).toBe('why is invoice INV-000001 high?');
    const message = `please explain ${'the roaming charges '.repeat(10)}`;
    const long = threadTitle(message);
    expect(long.length).toBeLessThanOrEqual(80);
    // Cut after a whole word.
    expect(long.endsWith('…')).toBe(true);
    expect(message.startsWith(`${long.slice(0, -1)} `)).toBe(true);
    expect(threadTitle('x'.repeat(200))).toHaveLength(80);
  });

  it('titles a new thread with its first message and an untitled one with its next', () => {
    const id = claimChatThread(store, { tenant: 't', userId: 'alice' }, undefined, 'explain INV-000001');
    claimChatThread(store, { tenant: 't', userId: 'alice' }, id, 'and the next one');
    const old = claimChatThread(store, { tenant: 't', userId: 'alice' });
    claimChatThread(store, { tenant: 't', userId: 'alice' }, old, 'a later question');
    const titles = Object.fromEntries(listTenantThreads(tenantScope(store, 't'), 10).map((t) => [t.id, t.title]));
    expect(titles).toEqual({ [id]: 'explain INV-000001', [old]: 'a later question' });
  });
});
