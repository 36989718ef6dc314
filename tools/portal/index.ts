export { signPortalLink, readPortalLinkToken, portalLinkIdOf, type PortalLinkClaims } from './portal-link-token.ts';
export { currentPeriodUsage, periodUsageOf, currentPeriodUsageSchema, PROJECTION_METHOD, type CurrentPeriodUsage } from './current-period-usage.ts';
