import type { RouteSpec } from '../define-route.ts';
import { chatRoutes } from './chat.ts';
import { invoiceRoutes } from './invoices.ts';

/** Every route of /api/v1, by area; each area adds its own line. */
export const routes: readonly RouteSpec[] = [...invoiceRoutes, ...chatRoutes];
