export * from './collections.types.ts';
export * from './payment-risk.types.ts';
export { ageReceivables } from './age-receivables.ts';
export { planDunning, DEFAULT_DUNNING_LADDER } from './plan-dunning.ts';
export { buildPaymentPlan } from './build-payment-plan.ts';
export { rankDunningCandidates, type DunningCandidate, type DunningCandidateInput } from './rank-dunning-candidates.ts';
export { scorePaymentRisk, paymentRiskFeatures, paymentRiskBand, PAYMENT_RISK_WEIGHTS, PAYMENT_RISK_BANDS } from './score-payment-risk.ts';
export {
  ladderForRisk,
  channelsForRisk,
  DEFAULT_COLLECTIONS_STRATEGY,
  collectionsStrategySchema,
  dunningChannelSchema,
  type CollectionsStrategy,
  type DunningChannel,
} from './collections-strategy.ts';
export { followUpPromise, type PromiseStatus } from './follow-up-promise.ts';
