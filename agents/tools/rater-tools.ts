import { z } from 'zod';
import { showUsageEvent } from '../../app/usage/index.ts';
import type { AgentContext } from '../context.ts';
import type { AgentTool } from './define-agent-tool.ts';
import { operationTool } from './operation-tool.ts';
import { showWhatIf } from '../../app/whatif/index.ts';
import { showForecast } from '../../app/forecast/index.ts';
import { proposeAccountRerate } from '../../app/rerate/index.ts';
import { proposalTool } from './proposal-result.ts';
import { pricingTools } from './pricing-tools.ts';
import { accountId, eventId, invoiceRef, period, reason } from './tool-args.types.ts';

/** The breakdown with the spans its words describe one by one, and how many more there are (explainEventRating's cut). */
function shownSpans(b: { spans: unknown[] }, rating: { spansShown: number; spansOmitted: number }) {
  return { ...b, spans: b.spans.slice(0, rating.spansShown), spansOmitted: rating.spansOmitted };
}

/** The rater's tools: how an event was priced, what a plan would cost, where an account's use is heading, re-rate proposals, pricing what-ifs and usage trends. */
export function raterTools(ctx: AgentContext): AgentTool[] {
  return [
    operationTool(ctx, 'rater', showUsageEvent, {
      name: 'explain_event_rating',
      kind: 'read',
      description: 'How one usage event was priced: its classification, rating profile, destination, each span with its tariff row, rate, increments and rounding, multipliers, and the cost.',
      schema: z.object({ eventId }).strict(),
      toResult: ({ ratingBreakdown, explanation, rating, ...event }) => ({
        ...event,
        tenant: ctx.user.tenant,
        // Words first, then the figures they come from (the spans the words describe): never a breakdown cut off mid-JSON.
        explanation,
        ratingBreakdown: rating && ratingBreakdown && typeof ratingBreakdown === 'object' ? shownSpans(ratingBreakdown as { spans: unknown[] }, rating) : ratingBreakdown,
      }),
    }),
    operationTool(ctx, 'rater', showWhatIf, {
      name: 'what_if_plan',
      kind: 'analysis',
      description:
        "What each line of an account would have paid in a billing month on another plan (or on every eligible plan), exact and before tax, against what it paid, and the cheaper plan recommended per line. The account and month come from an invoice when one is named; the month defaults to the account's latest invoice.",
      schema: z
        .object({
          accountId: accountId.optional(),
          invoice: invoiceRef.optional(),
          period: period.optional(),
          planId: z
            .string()
            .regex(/^[A-Za-z0-9_.-]{1,64}$/)
            .optional(),
        })
        .strict()
        .refine((x) => (x.accountId === undefined) !== (x.invoice === undefined), 'name the account or one of its invoices, not both'),
    }),
    operationTool(ctx, 'rater', showForecast, {
      name: 'forecast_usage',
      kind: 'analysis',
      description:
        "Where an account's use is heading this billing period: per line and allowance (minutes, texts, data) the projected use at the period end from the use so far, the weekday pattern and the line's earlier periods, beside the straight-line projection; for each allowance projected to be exceeded the expected extra charge (exact charging of the projection), and a cheaper plan for the projected period when one exists.",
      schema: z.object({ accountId }).strict(),
    }),
    proposalTool(ctx, 'rater', proposeAccountRerate, {
      name: 'propose_rerate',
      description: "Propose re-rating an account's billing month with the tariff now in effect; the preview shows the notes it would issue. It waits for an approver; nothing is re-rated now.",
      schema: z
        .object({ accountId: accountId.optional(), period: period.optional(), invoice: invoiceRef.optional().describe('an invoice of the account and month, when they are not named'), reason })
        .strict()
        .refine((x) => (x.invoice !== undefined ? x.accountId === undefined : x.accountId !== undefined && x.period !== undefined), 'name the account and the month, or an invoice of them'),
      toInput: ({ accountId: named, period: p, invoice, reason: why }) => ({ accountId: named, period: p, invoice, reason: why }),
    }),
    ...pricingTools(ctx),
  ];
}
