import { z } from 'zod';

/**
 * The eval task format (docs/evals.md): tau-bench style, one YAML file holds a list of tasks. Every
 * object is strict, so a misspelt key is an error rather than a check silently not run.
 */

const userId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a user id as in the users table');
const text = z.string().trim().min(1);

/**
 * A figure the answer must (or must not) contain: a literal, or a value read from the task's own
 * database when the task runs (so expectations are never invented).
 */
export const factSchema = z.union([
  text,
  z.object({ invoice: text, field: z.enum(['total', 'subtotal', 'taxTotal', 'number', 'accountId', 'customerName', 'dueDate']) }).strict(),
  /** netBalance: what the account's issued invoices and notes add up to (negative: a credit balance). */
  z.object({ account: text, field: z.enum(['customerName', 'netBalance']) }).strict(),
  z.object({ quarantine: z.literal('openCount') }).strict(),
]);
export type Fact = z.infer<typeof factSchema>;

/** What an answer must say: facts that must appear, facts that must not, patterns, and whether it understood at all. */
export const answerCheckSchema = z
  .object({
    includes: z.array(factSchema).default([]),
    /** Each inner list is satisfied by any one of its facts (synonyms: "credit note" or "CN-"). */
    includesAny: z.array(z.array(factSchema).min(2)).default([]),
    excludes: z.array(factSchema).default([]),
    /** Case-insensitive regular expressions the answer must match. */
    matches: z.array(text).default([]),
    /** False when "I did not understand" is an acceptable answer; by default it fails the check. */
    understood: z.boolean().default(true),
  })
  .strict();
export type AnswerCheck = z.infer<typeof answerCheckSchema>;

const agentName = z.enum(['supervisor', 'auditor', 'rater', 'compliance', 'collections', 'categoriser']);

/** Agents and tools that must and must not run (over the checked turns). */
export const trajectoryCheckSchema = z
  .object({
    agents: z.array(agentName).default([]),
    notAgents: z.array(agentName).default([]),
    tools: z.array(text).default([]),
    notTools: z.array(text).default([]),
    /** Tools that must have run and succeeded (not refused with an error). */
    toolsOk: z.array(text).default([]),
  })
  .strict();
export type TrajectoryCheck = z.infer<typeof trajectoryCheckSchema>;

const proposalKind = z.enum([
  'fee_waiver',
  'credit',
  'release_hold',
  'rerate',
  'recategorise',
  'payment_plan',
  'dunning_step',
  'customer_dispute',
  'callback_request',
  'bar_line',
  'match_payment',
  'write_off',
  'refund',
  'adopt_tax_pack',
]);
const amount = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount as text, e.g. "33.25"');

/** A proposal the conversation must have created (in the acting user's tenant). */
export const expectedProposalSchema = z
  .object({
    kind: proposalKind,
    /** The invoice number (or held invoice id) or the account id it targets. */
    target: text.optional(),
    amount: amount.optional(),
    status: z.enum(['pending', 'approved', 'rejected', 'posted']).default('pending'),
  })
  .strict();

/**
 * The end state. Whatever is not named here must not have happened: no other proposal, note,
 * decision, release, plan or dunning action ("nothing else changed").
 */
export const endStateCheckSchema = z
  .object({
    proposals: z.array(expectedProposalSchema).default([]),
    /** Credit or debit notes issued, by the invoice they correct and their total. */
    notes: z.array(z.object({ invoice: text, total: amount.optional() }).strict()).default([]),
    /** Held invoices (by id) that were issued. */
    released: z.array(z.number().int().positive()).default([]),
    /** Decisions recorded on proposals (new or existing). */
    decisions: z.array(z.object({ proposal: z.number().int().positive(), decision: z.enum(['approve', 'reject']), by: userId }).strict()).default([]),
    /** Status changes of proposals that existed before the conversation. */
    statuses: z.array(z.object({ proposal: z.number().int().positive(), status: z.enum(['pending', 'approved', 'rejected', 'posted']) }).strict()).default([]),
    plans: z.number().int().min(0).default(0),
    dunning: z.number().int().min(0).default(0),
  })
  .strict();
export type EndStateCheck = z.infer<typeof endStateCheckSchema>;

/** A setup step, applied before the conversation; a failing step is an infrastructure error, not an agent failure. */
export const setupStepSchema = z.union([
  /** A user; a customer of the portal holds the customer role only and names their account (`accountId`). */
  z
    .object({
      addUser: z.object({ id: userId, tenant: text.optional(), name: text.optional(), roles: z.array(z.enum(['analyst', 'approver', 'customer'])).min(1), accountId: text.optional() }).strict(),
    })
    .strict(),
  /** Calls one agent tool as a user (e.g. to create a proposal the conversation talks about), exactly as an agent would. */
  z.object({ tool: z.object({ as: userId, name: text, args: z.record(z.string(), z.unknown()) }).strict() }).strict(),
  /** A person's decision on a proposal, through the approval graph. */
  z.object({ decide: z.object({ as: userId, proposal: z.number().int().positive(), decision: z.enum(['approve', 'reject']), reason: text }).strict() }).strict(),
  /** Generic CSV usage lines (after the harness's header) ingested and rated; notes/userfield carry free text. */
  z.object({ ingestCdrs: z.object({ lines: z.array(z.string()).min(1) }).strict() }).strict(),
  /** A fixture built by code (evals/runner/fixtures.ts), applied on top of the dataset. */
  z.object({ fixture: text }).strict(),
]);
export type SetupStep = z.infer<typeof setupStepSchema>;

/** One scripted analyst message, optionally from another user (their own thread) and with checks of its own. */
export const turnSchema = z
  .object({
    user: text.max(4000),
    as: userId.optional(),
    answer: answerCheckSchema.optional(),
    trajectory: trajectoryCheckSchema.optional(),
  })
  .strict();

export const taskSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,80}$/, 'a task id is lower-case letters, digits, dot, dash or underscore'),
    category: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
    /** Free labels (phrasing, typo, follow_up, refusal, hostile, other_tenant, issue_s2...), for filtering and reading. */
    tags: z.array(z.string().regex(/^[a-z0-9_]+$/)).default([]),
    description: z.string().optional(),
    dataset: z.enum(['demo-operator']).default('demo-operator'),
    /** The acting user; their tenant and roles come from the users table. */
    user: userId,
    /** "Today" of the conversation (ageing, dunning, issue dates). */
    today: z.iso.date().optional(),
    setup: z.array(setupStepSchema).default([]),
    turns: z.array(turnSchema).min(1),
    /** For a real model: a simulated user pursues this goal in this persona instead of the scripted turns. */
    simulate: z
      .object({ goal: text, persona: text, maxTurns: z.number().int().min(1).max(10).default(4) })
      .strict()
      .optional(),
    checks: z
      .object({
        /** Checks of the last turn's answer. */
        answer: answerCheckSchema.optional(),
        /** Over every turn of the conversation. */
        trajectory: trajectoryCheckSchema.optional(),
        endState: endStateCheckSchema.default(endStateCheckSchema.parse({})),
      })
      .strict()
      .default({ endState: endStateCheckSchema.parse({}) }),
  })
  .strict();
export type EvalTask = z.infer<typeof taskSchema>;

/** A task file: a list of tasks, optionally with defaults (category, user, tags) for all of them. */
export const taskFileSchema = z
  .object({
    defaults: z
      .object({ category: z.string().optional(), user: userId.optional(), tags: z.array(z.string()).optional() })
      .strict()
      .default({}),
    tasks: z.array(z.record(z.string(), z.unknown())).min(1),
  })
  .strict();
