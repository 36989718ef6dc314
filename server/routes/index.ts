import type { RouteSpec } from '../define-route.ts';
import { ingestRoutes } from './ingest.ts';
import { chatRoutes } from './chat.ts';
import { invoiceRoutes } from './invoices.ts';
import { userRoutes } from './users.ts';

/** Every route of /api/v1, by area; each area adds its own line. */
export const routes: readonly RouteSpec[] = [...invoiceRoutes, ...userRoutes, ...ingestRoutes, ...chatRoutes];
