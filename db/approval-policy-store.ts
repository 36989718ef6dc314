import { eq } from 'drizzle-orm';
import { approvalPolicySchema, type ApprovalPolicy } from '../tools/approval/index.ts';
import { zodToBillingError } from '../tools/schemas/index.ts';
import { appendAudit } from './audit-store.ts';
import type { Store } from './open-database.ts';
import { settings } from './schema.ts';

const POLICY_KEY = 'approvals';

/** The operator's four-eyes policy, with defaults for anything never set. */
export function getApprovalPolicy(store: Store): ApprovalPolicy {
  const row = store.db.select().from(settings).where(eq(settings.key, POLICY_KEY)).get();
  return approvalPolicySchema.parse(row ? JSON.parse(row.value) : {});
}

/** Replaces the four-eyes policy after validating it; the change is audited with who made it, before and after. */
export function setApprovalPolicy(store: Store, value: unknown, by: { tenant: string; userId: string }): ApprovalPolicy {
  const parsed = approvalPolicySchema.safeParse(value);
  if (!parsed.success) throw zodToBillingError(parsed.error, 'INVALID_CONFIG', 'invalid approval policy');
  const now = new Date().toISOString();
  const json = JSON.stringify(parsed.data);
  store.sqlite
    .transaction(() => {
      const before = getApprovalPolicy(store);
      store.db
        .insert(settings)
        .values({ key: POLICY_KEY, value: json, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
        .run();
      appendAudit(store, { tenant: by.tenant, actor: by.userId, actorKind: 'admin', event: 'setting', subject: `setting:${POLICY_KEY}`, detail: { before, after: parsed.data } });
    })
    .immediate();
  return parsed.data;
}
