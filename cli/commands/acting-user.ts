import { getUser, type Store, type UserRecord } from '../../db/index.ts';
import { loadConfig } from '../../config/index.ts';
import { BillingError } from '../../tools/errors.ts';

/** The `--as` option of every command that acts for someone. */
export const AS_OPTION = ['--as <user>', 'act as this user (default: $SWITCHBOARD_USER)'] as const;

/** The user a command acts as: `--as`, else SWITCHBOARD_USER; refused when neither names a known user. */
export function actingUser(store: Store, as: string | undefined): UserRecord {
  const id = as ?? loadConfig().user;
  if (!id) throw new BillingError('UNAUTHORIZED', 'say who you are: --as USER (or set SWITCHBOARD_USER); `switchboard users list` shows the users');
  return getUser(store, id);
}

/**
 * The chat model of this process: an OpenAI-compatible endpoint when configured, else the offline
 * rules model. Loaded on demand, so commands that never talk to a model start without LangChain.
 */
export async function chatModel() {
  const { createChatModel, RulesChatModel } = await import('../../agents/model/index.ts');
  return createChatModel(loadConfig(), { fallback: () => new RulesChatModel({}) });
}
