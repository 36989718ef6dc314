import { forecastTenantCashflow } from '../../app/cashflow/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** The cash-flow forecast (docs/cashflow.md): expected receipts per week from open invoices, and the accounts to chase. */
export const cashflowRoutes: RouteSpec[] = [defineRoute({ op: forecastTenantCashflow, method: 'get', path: '/cashflow', tags: ['cashflow'], query: forecastTenantCashflow.input })] as RouteSpec[];
