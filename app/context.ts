import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Store } from '../db/index.ts';
import type { Role } from '../tools/approval/index.ts';
import { BillingError } from '../tools/errors.ts';
import { tenantScope, type TenantScope } from '../db/index.ts';

/**
 * Who is acting. `user` is a person signed in (API token, `--as`), `agent` a model acting for a
 * person in chat, `cycle` a scheduled run, `local` the operator at the command line with the
 * database file in hand and no `--as` (see docs/operations.md).
 */
export interface Actor {
  id: string;
  kind: 'user' | 'agent' | 'cycle' | 'local';
  tenant: string;
  roles: readonly Role[];
  /** A customer's own account: every read of theirs is limited to it. */
  accountId?: string;
  /** For an agent: the agent and the person it acts for. */
  agent?: { name: string; threadId: string; onBehalfOf: string };
}

/** The time an operation sees: tests and evals fix it, everything else reads the wall clock. */
export interface Clock {
  now(): Date;
  /** Today as YYYY-MM-DD (the operator's calendar day for due dates, ageing and dunning). */
  today(): string;
}

/** The logger an operation writes to (pino's calling convention: fields first, then the message). */
export interface Logger {
  debug(fields: object, msg?: string): void;
  info(fields: object, msg?: string): void;
  warn(fields: object, msg?: string): void;
  error(fields: object, msg?: string): void;
}

/**
 * What every operation handler receives: identity and tenant only from here (never from input),
 * and `scope`, the readers of this tenant's data (a customer's narrowed to their account).
 */
export interface OperationContext {
  actor: Actor;
  tenant: string;
  store: Store;
  scope: TenantScope;
  clock: Clock;
  logger: Logger;
  /** A request id for logs and error replies, when the surface has one. */
  requestId?: string;
  /** Where an operation reports steps as it works (chat: tokens, agents, tools, proposals); a surface that streams passes one. */
  emit?: (event: OperationEvent) => void;
  /** The chat model to use instead of the configured one (tests, evals). */
  chatModel?: ChatModelFactory;
}

/** A step an operation reports while it runs, named by `type`. */
export interface OperationEvent {
  type: string;
  [field: string]: unknown;
}

/** Makes the chat model of a turn and names it. */
export type ChatModelFactory = () => Promise<{ model: BaseChatModel; name: string }>;

/** A clock on the wall time, or fixed at `today` (a YYYY-MM-DD) for reproducible runs. */
export function systemClock(today?: string): Clock {
  return {
    now: () => new Date(),
    today: () => today ?? new Date().toISOString().slice(0, 10),
  };
}

/** A logger that drops everything (tests, and surfaces that report errors themselves). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Builds the context an operation runs in; the tenant is always the actor's own. */
export function createContext(opts: { store: Store; actor: Actor; clock?: Clock; logger?: Logger; requestId?: string; chatModel?: ChatModelFactory }): OperationContext {
  if (!opts.actor.tenant) throw new BillingError('UNAUTHORIZED', 'an actor without a tenant cannot act');
  return {
    actor: opts.actor,
    tenant: opts.actor.tenant,
    store: opts.store,
    scope: tenantScope(opts.store, opts.actor.tenant, opts.actor.accountId),
    clock: opts.clock ?? systemClock(),
    logger: opts.logger ?? silentLogger,
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    ...(opts.chatModel ? { chatModel: opts.chatModel } : {}),
  };
}

/** A signed-in person as an actor (API token, `--as`). */
export function userActor(user: { id: string; tenant: string; roles: readonly Role[]; accountId?: string }): Actor {
  return { id: user.id, kind: 'user', tenant: user.tenant, roles: user.roles, ...(user.accountId ? { accountId: user.accountId } : {}) };
}

/**
 * The operator at the command line without `--as`: whoever holds the database file administers
 * it, so they read and run the books as the operator's tenant; proposing and deciding still need
 * a named person (checkAllowed), so four eyes never rest on an anonymous user.
 */
export function localActor(tenant: string): Actor {
  return { id: 'local-operator', kind: 'local', tenant, roles: ['analyst', 'admin'] };
}
