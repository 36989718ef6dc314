import { z } from 'zod';
import { markScopedOverdueInvoices } from '../../db/invoice-status-scope.ts';
import { defineOperation } from '../operation.ts';

/** Marks the tenant's issued invoices past their due date (against the operation's today) as overdue. */
export const markOverdueInvoices = defineOperation({
  name: 'invoices.markOverdue',
  summary: 'Mark overdue invoices',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z.object({}).strict(),
  output: z.object({ overdue: z.number().int().describe('how many were marked'), invoices: z.array(z.string()).describe('their numbers') }),
  handler: (ctx) => {
    const marked = markScopedOverdueInvoices(ctx.scope, ctx.clock.today());
    return { overdue: marked.length, invoices: marked };
  },
});
