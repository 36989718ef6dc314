import { z } from 'zod';
import { decideProposal, listProposals, showProposal } from '../../app/proposals/index.ts';
import { approvalResponseSchema } from '../../tools/approval/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** A proposal id in a path: digits, read as the number the operation expects. */
export const proposalIdParams = z.object({
  proposalId: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'a proposal id')
    .describe('proposal id'),
});

/** Proposals waiting for people, and their decisions (four eyes, exactly as `switchboard approvals`). */
export const proposalRoutes: RouteSpec[] = [
  defineRoute({ op: listProposals, method: 'get', path: '/proposals', tags: ['proposals'], query: listProposals.input }),
  defineRoute({
    op: showProposal,
    method: 'get',
    path: '/proposals/{proposalId}',
    tags: ['proposals'],
    params: proposalIdParams,
    toInput: ({ params }) => ({ proposalId: Number(params.proposalId) }),
  }),
  defineRoute({
    op: decideProposal,
    method: 'post',
    path: '/proposals/{proposalId}/decisions',
    tags: ['proposals'],
    params: proposalIdParams,
    body: approvalResponseSchema,
    toInput: ({ params, body }) => ({ ...(body as object), proposalId: Number(params.proposalId) }),
    status: 201,
    idempotent: true,
  }),
] as RouteSpec[];
