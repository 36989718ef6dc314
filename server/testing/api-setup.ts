import { createApiToken, saveUser, type UserRecord } from '../../db/index.ts';
import type { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { systemClock } from '../../app/index.ts';
import { createApp } from '../create-app.ts';

type TempStore = ReturnType<typeof createTempStore>;

/** "Today" of the API tests: INV-000001 (issued 2025-04-01) is open, not yet due. */
export const TODAY = '2025-04-05';

/** The users of the API tests, each with a token. */
export interface ApiUsers {
  /** analyst and approver of tenant t */
  alice: ApiUser;
  /** approver of t */
  bob: ApiUser;
  /** approver and analyst of t */
  carol: ApiUser;
  /** admin of t */
  ada: ApiUser;
  /** analyst of t, and nothing else */
  dan: ApiUser;
  /** customer of t, account A1 */
  cora: ApiUser;
  /** analyst, approver and admin of another tenant, u */
  uma: ApiUser;
}

/** A user and the bearer header of their token. */
export interface ApiUser {
  user: UserRecord;
  token: string;
  headers: { authorization: string };
}

function withToken(store: TempStore, user: UserRecord): ApiUser {
  const { token } = createApiToken(store, user.id, 'tests');
  return { user, token, headers: { authorization: `Bearer ${token}` } };
}

/**
 * The billed March of db/testing/ledger-fixture.ts (INV-000001 for A1, INV-000002 for A2) behind
 * the API, with a token per user: staff of tenant t, a customer of A1, and a user of tenant u.
 */
export async function setUpApi(store: TempStore) {
  const l = await setUpLedger(store);
  const users: ApiUsers = {
    alice: withToken(store, l.alice),
    bob: withToken(store, l.bob),
    carol: withToken(store, l.carol),
    ada: withToken(store, saveUser(store, { id: 'ada', tenant: 't', name: 'Ada Admin', roles: ['admin'] })),
    dan: withToken(store, saveUser(store, { id: 'dan', tenant: 't', name: 'Dan Analyst', roles: ['analyst'] })),
    cora: withToken(store, saveUser(store, { id: 'cora', tenant: 't', name: 'Cora Customer', roles: ['customer'], accountId: 'A1' })),
    uma: withToken(store, saveUser(store, { id: 'uma', tenant: 'u', name: 'Uma Other', roles: ['analyst', 'approver', 'admin'] })),
  };
  // The offline rules model, whatever the environment says: API tests never call a model endpoint.
  const chatModel = async () => {
    const { RulesChatModel } = await import('../../agents/model/index.ts');
    const model = new RulesChatModel({});
    return { model, name: model.getName() };
  };
  const app = createApp({ store, clock: systemClock(TODAY), chatModel });
  return { app, users };
}

/** A JSON reply as the tests read it. */
export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read reply bodies field by field
  body: any;
  headers: Headers;
}

/** Sends a request to the app in process (no socket) and reads the JSON reply. */
export async function call(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  method: string,
  path: string,
  opts: { as?: ApiUser; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(opts.as ? opts.as.headers : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers };
  const res = await app.request(path, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a PDF, XML, HTML page): the text as it came
  }
  return { status: res.status, body, headers: res.headers };
}
