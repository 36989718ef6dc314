import { accountCollectionsView, runCollections } from '../../app/collections/index.ts';
import { getOperatorSettings, listInvoices, listNotifications, type Store } from '../../db/index.ts';
import { getProposal } from '../../db/proposal-store.ts';

/** The days (the March invoices fall due on 2025-04-15) on which the demo's collections runs walk one account up the ladder. */
export const DEMO_COLLECTIONS = { reminderOn: '2025-04-25', lateFeeOn: '2025-05-07' } as const;

/**
 * The dunning ladder on the demo's data, as the daily job would walk it after the demo's calendar
 * day, on the first account whose March invoice the bank statement left open: on 2025-04-25 (10
 * days past due) the run sends its reminder; on 2025-05-07 (22 days) it proposes the late fee (the
 * catalog's 7.50), which waits in approvals for four eyes. One account only, so the demo's
 * approvals queue stays readable; running the demo again sends and proposes nothing twice.
 */
export function runDemoCollections(store: Store) {
  const tenant = getOperatorSettings(store).tenant;
  const who = { tenant, userId: 'collections-daily', kind: 'cycle' as const };
  // Chosen after the statement, not fixed: which invoices it pays depends on the seed and the rows.
  // The first whose ladder has a step due on the reminder day (the agents' waivers and disputes take some out).
  const open = listInvoices(store, { period: '2025-03', status: 'issued', limit: 100_000 })
    .filter((i) => i.kind === 'invoice')
    .sort((a, b) => a.id - b.id)
    .find((i) => accountCollectionsView(store, tenant, i.accountId, DEMO_COLLECTIONS.reminderOn).plan.steps.length > 0);
  if (!open) return null;
  const accountId = open.accountId;
  const only = { accounts: [accountId] };
  runCollections(store, who, DEMO_COLLECTIONS.reminderOn, only);
  const later = runCollections(store, who, DEMO_COLLECTIONS.lateFeeOn, only);
  const reminder = listNotifications(store, tenant, { accountId }).find((n) => n.payload.kind === 'dunning_step' && n.payload.step === 'reminder');
  const proposed = later.proposed[0];
  const proposal = proposed ? getProposal(store, tenant, proposed.proposalId) : null;
  return {
    accountId,
    invoice: open.number,
    ...DEMO_COLLECTIONS,
    reminder: reminder ? { notificationId: reminder.id, on: DEMO_COLLECTIONS.reminderOn, channels: reminder.payload.kind === 'dunning_step' ? (reminder.payload.channels ?? ['email']) : [] } : null,
    lateFee: proposal ? { proposalId: proposal.id, on: DEMO_COLLECTIONS.lateFeeOn, amount: proposal.amount, currency: proposal.currency, status: proposal.status, summary: proposal.summary } : null,
  };
}
