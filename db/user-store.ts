import { asc, eq } from 'drizzle-orm';
import { roleSchema, type Actor, type Role } from '../tools/approval/index.ts';
import { BillingError } from '../tools/errors.ts';
import { users } from './agent-schema.ts';
import type { Store } from './open-database.ts';

/** A stored user with their tenant and roles. */
export interface UserRecord extends Actor {
  name: string;
}

/** What a user id may be: lower-case letters, digits, dot, dash, underscore (it appears in --as and audit lines). */
export const USER_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function toUser(r: typeof users.$inferSelect): UserRecord {
  return {
    id: r.id,
    tenant: r.tenant,
    name: r.name,
    roles: r.roles
      .split(',')
      .filter(Boolean)
      .map((x) => roleSchema.parse(x)),
    ...(r.accountId ? { accountId: r.accountId } : {}),
  };
}

/** Creates or replaces a user (id, tenant, name, roles). */
export function saveUser(store: Store, user: { id: string; tenant: string; name: string; roles: Role[]; accountId?: string }): UserRecord {
  if (!USER_ID.test(user.id)) throw new BillingError('INVALID_INPUT', `a user id is lower-case letters, digits, dot, dash or underscore, not ${JSON.stringify(user.id)}`);
  const roles = [...new Set(user.roles.map((r) => roleSchema.parse(r)))].sort();
  if (roles.length === 0) throw new BillingError('INVALID_INPUT', 'a user needs at least one role');
  // A customer sees one account and nothing of the operator's: the role is never mixed with staff roles.
  if (roles.includes('customer') && roles.length > 1) throw new BillingError('INVALID_INPUT', 'a customer user holds the customer role only');
  if (roles.includes('customer') !== Boolean(user.accountId))
    throw new BillingError('INVALID_INPUT', roles.includes('customer') ? 'a customer user needs the account they may see (--account)' : 'only a customer user is tied to an account');
  const row = { id: user.id, tenant: user.tenant, name: user.name, roles: roles.join(','), accountId: user.accountId ?? null, createdAt: new Date().toISOString() };
  store.db
    .insert(users)
    .values(row)
    .onConflictDoUpdate({ target: users.id, set: { tenant: row.tenant, name: row.name, roles: row.roles, accountId: row.accountId } })
    .run();
  return toUser(row);
}

/** The user behind `--as`; UNAUTHORIZED when nobody has that id, so an unknown name never acts. */
export function getUser(store: Store, id: string): UserRecord {
  const r = store.db.select().from(users).where(eq(users.id, id)).get();
  if (!r) throw new BillingError('UNAUTHORIZED', `no user ${JSON.stringify(id)}; add one with \`switchboard users add\``);
  return toUser(r);
}

/** Users, optionally of one tenant, by id. */
export function listUsers(store: Store, tenant?: string): UserRecord[] {
  return store.db
    .select()
    .from(users)
    .where(tenant ? eq(users.tenant, tenant) : undefined)
    .orderBy(asc(users.id))
    .all()
    .map(toUser);
}
