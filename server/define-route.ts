import { createRoute, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { checkAllowed, runOperation, type Operation, type OperationContext } from '../app/index.ts';
import { BillingError } from '../tools/errors.ts';
import { withIdempotencyKey } from './idempotency.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { ServerEnv } from './server-env.ts';

/** The parts of a request a route hands its operation. */
export interface RouteRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** A `stream: true` route's request body, unread: the operation reads it as it arrives. */
  stream?: { body: ReadableStream<Uint8Array> | null; contentLength: number | undefined };
}

/**
 * An HTTP route over an operation. The route only says where the operation's input comes from
 * (path, query, JSON body) and how its output is sent; the operation checks and does everything.
 * `roles` in the OpenAPI document are the operation's own.
 */
export interface RouteSpec<Op extends Operation = Operation> {
  op: Op;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path under /api/v1, e.g. `/invoices/{number}`. */
  path: string;
  tags: string[];
  /** The OpenAPI operationId when one operation has two routes; by default the operation's name. */
  operationId?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body schema (POST/PUT/PATCH); by default the operation's input without the path params. */
  body?: z.ZodType | false;
  /** Maps the request to the operation's input; by default params, query and body merged. */
  toInput?: (req: RouteRequest) => unknown;
  /** The success status: 200, or 201 for a route that creates something. */
  status?: 200 | 201 | 202;
  /** Sends the output some other way than JSON (a PDF, XML); documented as `produces`. */
  send?: (c: Context<ServerEnv>, output: z.output<Op['output']>) => Response | Promise<Response>;
  produces?: string;
  /** True for POSTs that create something: the Idempotency-Key header applies. */
  idempotent?: boolean;
  /**
   * The body is raw bytes (`consumes`, default application/octet-stream) handed to toInput as
   * `stream`, never parsed or buffered: a body size limit must not apply to such a route.
   */
  stream?: boolean;
  consumes?: string;
  /** Runs the operation itself and makes the reply (a stream of server-sent events); the surface is still declared and validated here. */
  handle?: (c: Context<ServerEnv>, input: unknown, ctx: OperationContext) => Response | Promise<Response>;
}

/** Declares a route (an identity function that keeps the types). */
export function defineRoute<Op extends Operation>(spec: RouteSpec<Op>): RouteSpec<Op> {
  return spec;
}

const errorResponse = {
  content: { 'application/json': { schema: z.object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) }) } },
};

/**
 * Query strings are text: number and boolean fields of a query schema are read from their text
 * form before the operation parses them with its own rules (bounds, enums stay the operation's).
 */
export function queryOf(schema: z.ZodObject): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const base = unwrap(field);
    const desc = field.description ?? base.description;
    const t = base._zod.def.type;
    const text = t === 'number' ? z.string().regex(/^-?\d+(\.\d+)?$/, 'a number') : t === 'boolean' ? z.enum(['true', 'false']) : base;
    const described = desc ? text.describe(desc) : text;
    // Required stays required, so the document says which query parameters a caller must send.
    shape[key] = field.safeParse(undefined).success ? described.optional() : described;
  }
  return z.object(shape);
}

function unwrap(field: z.ZodType): z.ZodType {
  let f = field;
  while (['optional', 'default', 'nullable', 'prefault'].includes(f._zod.def.type)) f = (f._zod.def as unknown as { innerType: z.ZodType }).innerType;
  return f;
}

/** Turns the text values queryOf let through back into numbers and booleans for the operation. */
export function readQuery(schema: z.ZodObject | undefined, query: Record<string, unknown>): Record<string, unknown> {
  if (!schema) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const field = (schema.shape as Record<string, z.ZodType>)[key];
    const t = field ? unwrap(field)._zod.def.type : 'string';
    out[key] = t === 'number' ? Number(value) : t === 'boolean' ? value === 'true' : value;
  }
  return out;
}

/** What the app hands every route: the JSON body limit and the chat rate limiter. */
export interface MountOptions {
  jsonBodyBytes: number;
  chatPosts?: RateLimiter;
}

function contentLength(header: string | undefined): number | undefined {
  return header && /^\d+$/.test(header) ? Number(header) : undefined;
}

/** Adds a route to the app: OpenAPI description, validation of the surface, and the operation run in the request's context. */
export function mountRoute(app: OpenAPIHono<ServerEnv>, spec: RouteSpec, options: MountOptions = { jsonBodyBytes: 1024 * 1024 }): void {
  const { op } = spec;
  const status = spec.status ?? 200;
  const hasBody = spec.method !== 'get' && spec.method !== 'delete' && spec.body !== false && !spec.stream;
  const bodySchema = hasBody ? (spec.body ?? op.input) : undefined;
  const querySchema = spec.query ? queryOf(spec.query) : undefined;
  const guards: MiddlewareHandler<ServerEnv>[] = [];
  // A JSON body is read whole, so it has a size limit; a route without one (a streamed upload) reads its own stream.
  if (bodySchema)
    guards.push(
      bodyLimit({
        maxSize: options.jsonBodyBytes,
        onError: () => {
          throw new BillingError('PAYLOAD_TOO_LARGE', `the request body is over ${options.jsonBodyBytes} bytes`);
        },
      }) as MiddlewareHandler<ServerEnv>,
    );
  // Each chat message costs model calls: a user may post only so many a minute.
  const chatPosts = options.chatPosts;
  if (chatPosts && spec.tags.includes('chat') && spec.method === 'post')
    guards.push(async (c, next) => {
      const id = c.get('user').id;
      if (!chatPosts.hit(id)) {
        const retryAfter = chatPosts.retryAfter(id);
        throw new BillingError('RATE_LIMITED', `too many chat messages; retry in ${retryAfter} s`, { retryAfter });
      }
      await next();
    });
  const route = createRoute({
    method: spec.method,
    path: spec.path,
    tags: spec.tags,
    summary: op.summary,
    description: `Operation \`${op.name}\` (${op.effect}). Roles: ${op.roles.join(', ')}.`,
    operationId: spec.operationId ?? op.name,
    security: [{ bearer: [] }],
    // Roles are checked before the request is validated: a caller who may not use a route learns nothing from its errors.
    middleware: [
      async (c: Context<ServerEnv>, next: () => Promise<void>) => {
        checkAllowed(op, c.get('operationContext'));
        await next();
      },
      ...guards,
    ],
    'x-roles': [...op.roles],
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(querySchema ? { query: querySchema } : {}),
      ...(bodySchema ? { body: { required: true, content: { 'application/json': { schema: bodySchema } } } } : {}),
      ...(spec.stream ? { body: { required: true, content: { [spec.consumes ?? 'application/octet-stream']: { schema: z.string().meta({ format: 'binary' }) } } } } : {}),
      ...(spec.idempotent ? { headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional().describe('the same key and body returns the first response') }) } : {}),
    },
    responses: {
      [status]: spec.produces ? { description: op.summary, content: { [spec.produces]: { schema: z.any() } } } : { description: op.summary, content: { 'application/json': { schema: op.output } } },
      400: { description: 'invalid input (the field is named)', ...errorResponse },
      401: { description: 'no valid token', ...errorResponse },
      403: { description: 'the role does not allow it', ...errorResponse },
      404: { description: 'not found (or another tenant’s)', ...errorResponse },
      409: { description: 'conflict', ...errorResponse },
    },
  } as RouteConfig);
  app.openapi(route, async (c) => {
    const req = c.req as unknown as { valid: (t: string) => unknown };
    const request: RouteRequest = {
      params: spec.params ? (req.valid('param') as Record<string, unknown>) : {},
      query: readQuery(spec.query, querySchema ? (req.valid('query') as Record<string, unknown>) : {}),
      body: bodySchema ? req.valid('json') : undefined,
      ...(spec.stream ? { stream: { body: c.req.raw.body, contentLength: contentLength(c.req.header('content-length')) } } : {}),
    };
    const input = spec.toInput ? spec.toInput(request) : { ...(request.body as object | undefined), ...request.query, ...request.params };
    const ctx: OperationContext = c.get('operationContext');
    const run = async () => {
      // Inside run, so an Idempotency-Key covers a route that makes its own reply (a chat turn's stream) too.
      if (spec.handle) return spec.handle(c, input, ctx);
      const output = await runOperation(op, ctx, input);
      if (spec.send) return spec.send(c, output);
      return c.json(output as object, status);
    };
    const key = spec.idempotent ? c.req.header('idempotency-key') : undefined;
    if (key === undefined) return run();
    return withIdempotencyKey(ctx.store, { userId: c.get('user').id, key, route: `${spec.method.toUpperCase()} ${spec.path}`, request }, run);
  });
}
