export { createPortalLink, PORTAL_OPEN_PATH } from './create-portal-link.ts';
export { listPortalLinks } from './list-portal-links.ts';
export { revokePortalLink } from './revoke-portal-link.ts';
export { openPortalLink, portalActor, type OpenedPortalLink } from './open-portal-link.ts';
export { showCurrentPeriod } from './show-current-period.ts';
export { portalLinkViewSchema, portalLinkIdSchema, type PortalLinkView } from './portal-link-view.ts';
export { showMyPayments } from './show-my-payments.ts';
