import { runCollections } from '../../app/collections/index.ts';
import { getOperatorSettings, listNotifications, type Store } from '../../db/index.ts';
import { getProposal } from '../../db/proposal-store.ts';

/** The demo account whose March invoice (due 2025-04-15) the demo's collections days walk up the ladder. */
export const DEMO_COLLECTIONS = { accountId: 'A00083', reminderOn: '2025-04-25', lateFeeOn: '2025-05-07' } as const;

/**
 * The dunning ladder on the demo's data, as the daily job would walk it after the demo's calendar
 * day: on 2025-04-25 (10 days past due) the run sends A00083 its reminder; on 2025-05-07 (22 days)
 * it proposes the late fee (the catalog's 7.50), which waits in approvals for four eyes. One account
 * only, so the demo's approvals queue stays readable; running the demo again sends and proposes
 * nothing twice.
 */
export function runDemoCollections(store: Store) {
  const tenant = getOperatorSettings(store).tenant;
  const who = { tenant, userId: 'collections-daily', kind: 'cycle' as const };
  const only = { accounts: [DEMO_COLLECTIONS.accountId] };
  runCollections(store, who, DEMO_COLLECTIONS.reminderOn, only);
  const later = runCollections(store, who, DEMO_COLLECTIONS.lateFeeOn, only);
  const reminder = listNotifications(store, tenant, { accountId: DEMO_COLLECTIONS.accountId }).find((n) => n.payload.kind === 'dunning_step' && n.payload.step === 'reminder');
  const proposed = later.proposed[0];
  const proposal = proposed ? getProposal(store, tenant, proposed.proposalId) : null;
  return {
    accountId: DEMO_COLLECTIONS.accountId,
    reminder: reminder ? { notificationId: reminder.id, on: DEMO_COLLECTIONS.reminderOn, channels: reminder.payload.kind === 'dunning_step' ? (reminder.payload.channels ?? ['email']) : [] } : null,
    lateFee: proposal ? { proposalId: proposal.id, on: DEMO_COLLECTIONS.lateFeeOn, amount: proposal.amount, currency: proposal.currency, status: proposal.status, summary: proposal.summary } : null,
  };
}
