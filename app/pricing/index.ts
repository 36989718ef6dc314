export { showPricingWhatIf, pricingWhatIfInputSchema, pricingWhatIfOutputSchema, proposedCatalogSchema, type PricingWhatIf } from './show-pricing-what-if.ts';
export { showUsageTrends, usageTrendsOutputSchema } from './show-usage-trends.ts';
export { repricePeriod, type PricingProposal, type RepricingResult } from './reprice-period.ts';
