import type { z } from 'zod';
import type { Role } from '../tools/approval/index.ts';
import { BillingError, toBillingError } from '../tools/errors.ts';
import { describeIssues, findNul, parseOrThrow } from '../tools/schemas/index.ts';
import type { OperationContext } from './context.ts';

/**
 * What an operation does to the books: `read` looks, `propose` queues a change for approval,
 * `decide` approves or rejects one, `write` changes data directly (ingest, bill runs, tariffs,
 * settings). Proposing and deciding need a named person, never the anonymous local operator.
 */
export type OperationEffect = 'read' | 'propose' | 'decide' | 'write';

/** One thing the system does, declared once and reused by the CLI, the agent tools and the API. */
export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Dotted name, area first: `invoices.show`. */
  name: string;
  /** One line, shown in the API reference and CLI help. */
  summary: string;
  effect: OperationEffect;
  /** Who may run it; a user holding any of these roles may. */
  roles: readonly Role[];
  input: I;
  output: O;
  handler: (ctx: OperationContext, input: z.output<I>) => z.input<O> | Promise<z.input<O>>;
}

/** Declares an operation (an identity function that keeps the types). */
export function defineOperation<I extends z.ZodType, O extends z.ZodType>(op: Operation<I, O>): Operation<I, O> {
  return op;
}

/** Refuses an actor the operation does not allow: FORBIDDEN for a wrong role, UNAUTHORIZED for the anonymous operator on a decision. */
export function checkAllowed(op: Operation, ctx: OperationContext): void {
  const { actor } = ctx;
  if ((op.effect === 'propose' || op.effect === 'decide') && actor.kind === 'local')
    throw new BillingError('UNAUTHORIZED', 'say who you are: --as USER (or set SWITCHBOARD_USER); `switchboard users list` shows the users');
  if (!op.roles.some((r) => actor.roles.includes(r)))
    throw new BillingError('FORBIDDEN', `${actor.id} may not ${op.summary.replace(/\.$/, '').toLowerCase()} (needs ${op.roles.join(' or ')}; holds ${actor.roles.join(', ') || 'no role'})`);
}

/** Parses an operation's input: a bad field, or text holding a NUL (U+0000), is INVALID_INPUT naming it. */
export function parseInput<I extends z.ZodType>(op: Pick<Operation<I>, 'input'>, input: unknown): z.output<I> {
  const parsed = parseOrThrow(op.input, input);
  const nul = findNul(parsed);
  if (nul !== null) throw new BillingError('INVALID_INPUT', `${nul}: text may not hold a NUL character (U+0000)`);
  return parsed;
}

/**
 * Runs an operation: checks the actor's roles, parses the input (parseInput), runs the handler
 * and checks its output against the declared schema (a mismatch is a defect, INTERNAL, logged
 * with the issues).
 */
export async function runOperation<I extends z.ZodType, O extends z.ZodType>(op: Operation<I, O>, ctx: OperationContext, input: unknown): Promise<z.output<O>> {
  checkAllowed(op as unknown as Operation, ctx);
  const parsed = parseInput(op, input);
  let result: z.input<O>;
  try {
    result = await op.handler(ctx, parsed);
  } catch (err) {
    const e = toBillingError(err);
    if (e.code === 'INTERNAL') ctx.logger.error({ op: op.name, requestId: ctx.requestId, err: e.cause ?? e }, 'operation failed');
    throw e;
  }
  const checked = op.output.safeParse(result);
  if (!checked.success) {
    ctx.logger.error({ op: op.name, requestId: ctx.requestId, issues: checked.error.issues }, 'operation output does not match its schema');
    throw new BillingError('INTERNAL', `${op.name} produced output that does not match its schema: ${describeIssues(checked.error.issues)}`, undefined, { cause: checked.error });
  }
  return checked.data;
}
