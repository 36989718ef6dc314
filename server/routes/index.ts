import type { RouteSpec } from '../define-route.ts';
import { accountRoutes } from './accounts.ts';
import { auditRoutes } from './audit.ts';
import { billingRoutes } from './billing.ts';
import { catalogRoutes } from './catalog.ts';
import { chatRoutes } from './chat.ts';
import { collectionsRoutes } from './collections.ts';
import { cycleRoutes } from './cycles.ts';
import { ingestRoutes } from './ingest.ts';
import { invoiceProposalRoutes } from './invoice-proposals.ts';
import { invoiceRoutes } from './invoices.ts';
import { notificationRoutes } from './notifications.ts';
import { alertRoutes } from './alerts.ts';
import { assuranceRoutes } from './assurance.ts';
import { paymentRoutes } from './payments.ts';
import { paymentFraudRoutes } from './payments-fraud.ts';
import { taxRoutes } from './tax.ts';
import { portalRoutes } from './portal.ts';
import { proposalRoutes } from './proposals.ts';
import { rerateRoutes } from './rerate.ts';
import { settingsRoutes } from './settings.ts';
import { tariffRoutes } from './tariffs.ts';
import { usageRoutes } from './usage.ts';
import { userRoutes } from './users.ts';
import { whatIfRoutes } from './whatif.ts';
import { pricingRoutes } from './pricing.ts';
import { forecastRoutes } from './forecast.ts';
import { cashflowRoutes } from './cashflow.ts';

/** Every route of /api/v1, by area; each area adds its own line. */
export const routes: readonly RouteSpec[] = [
  ...invoiceRoutes,
  ...invoiceProposalRoutes,
  ...accountRoutes,
  ...usageRoutes,
  ...tariffRoutes,
  ...catalogRoutes,
  ...auditRoutes,
  ...settingsRoutes,
  ...billingRoutes,
  ...proposalRoutes,
  ...rerateRoutes,
  ...whatIfRoutes,
  ...pricingRoutes,
  ...collectionsRoutes,
  ...userRoutes,
  ...ingestRoutes,
  ...cycleRoutes,
  ...chatRoutes,
  ...portalRoutes,
  ...notificationRoutes,
  ...forecastRoutes,
  ...cashflowRoutes,
  ...alertRoutes,
  ...assuranceRoutes,
  ...paymentRoutes,
  ...paymentFraudRoutes,
  ...taxRoutes,
];
