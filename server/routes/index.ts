import type { RouteSpec } from '../define-route.ts';
import { accountRoutes } from './accounts.ts';
import { auditRoutes } from './audit.ts';
import { catalogRoutes } from './catalog.ts';
import { chatRoutes } from './chat.ts';
import { ingestRoutes } from './ingest.ts';
import { invoiceRoutes } from './invoices.ts';
import { tariffRoutes } from './tariffs.ts';
import { usageRoutes } from './usage.ts';
import { userRoutes } from './users.ts';

/** Every route of /api/v1, by area; each area adds its own line. */
export const routes: readonly RouteSpec[] = [
  ...invoiceRoutes,
  ...accountRoutes,
  ...usageRoutes,
  ...tariffRoutes,
  ...catalogRoutes,
  ...auditRoutes,
  ...userRoutes,
  ...ingestRoutes,
  ...chatRoutes,
];
