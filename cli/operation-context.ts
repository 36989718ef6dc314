import { createContext, localActor, systemClock, userActor, type OperationContext } from '../app/index.ts';
import { loadConfig } from '../config/index.ts';
import { getOperatorSettings, getUser, type Store } from '../db/index.ts';

/**
 * The context a command runs operations in: the user named by `--as` (or SWITCHBOARD_USER), else
 * the local operator of this database's tenant (app/context.ts says what that may do).
 */
export function cliContext(store: Store, as?: string, today?: string): OperationContext {
  const id = as ?? loadConfig().user;
  const actor = id ? userActor(getUser(store, id)) : localActor(getOperatorSettings(store).tenant);
  return createContext({ store, actor, clock: systemClock(today) });
}
