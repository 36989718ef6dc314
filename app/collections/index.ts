export { runCollections, accountCollectionsView, followUpPromises, type CollectionsRunReport, type AccountCollectionsView } from './run-collections.ts';
export { recordPaymentPromise, listPaymentPromises, showAccountCollections, runCollectionsOp } from './collections-ops.ts';
