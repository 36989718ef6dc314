import { pricingWhatIfInputSchema, showPricingWhatIf, showUsageTrends } from '../../app/pricing/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Pricing what-ifs (a past month under a proposed tariff or catalog, sent in the body; nothing stored changes) and usage trends. */
export const pricingRoutes: RouteSpec[] = [
  defineRoute({
    op: showPricingWhatIf,
    method: 'post',
    path: '/pricing/what-ifs',
    tags: ['pricing'],
    body: pricingWhatIfInputSchema,
  }),
  defineRoute({
    op: showUsageTrends,
    method: 'get',
    path: '/pricing/trends',
    tags: ['pricing'],
    query: showUsageTrends.input,
  }),
] as RouteSpec[];
