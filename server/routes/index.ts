import type { RouteSpec } from '../define-route.ts';
import { collectionsRoutes } from './collections.ts';
import { invoiceProposalRoutes } from './invoice-proposals.ts';
import { invoiceRoutes } from './invoices.ts';
import { proposalRoutes } from './proposals.ts';
import { rerateRoutes } from './rerate.ts';
import { whatIfRoutes } from './whatif.ts';

/** Every route of /api/v1, by area; each area adds its own line. */
export const routes: readonly RouteSpec[] = [...invoiceRoutes, ...proposalRoutes, ...invoiceProposalRoutes, ...rerateRoutes, ...whatIfRoutes, ...collectionsRoutes];
