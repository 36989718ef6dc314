import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildChatCompletion, buildChatCompletionChunks, type ScriptedToolCall, type ScriptedUsage } from './build-chat-completion-payloads.ts';

export type { ScriptedToolCall, ScriptedUsage } from './build-chat-completion-payloads.ts';

/** One message of a chat-completions request, as the client sent it. */
export interface ChatCompletionRequestMessage {
  role: string;
  content?: unknown;
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
  [key: string]: unknown;
}

/** A chat-completions request body, as the client sent it (only the fields tests usually look at are typed). */
export interface ChatCompletionRequest {
  model: string;
  messages: ChatCompletionRequestMessage[];
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean } }>;
  tool_choice?: unknown;
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
  temperature?: number;
  [key: string]: unknown;
}

/**
 * Checks or inspects the request a turn answers. Throwing or returning false fails the turn: the client
 * gets HTTP 400 with the reason and the reason is kept in `failures`.
 */
export type TurnMatcher = (request: ChatCompletionRequest, turnIndex: number) => void | boolean;

interface TurnCommon {
  usage?: ScriptedUsage;
  match?: TurnMatcher;
}

/** A scripted turn: a plain answer, or tool calls (optionally with text alongside). */
export type ScriptedTurn = (TurnCommon & { content: string; toolCalls?: undefined }) | (TurnCommon & { toolCalls: ScriptedToolCall[]; content?: string });

export interface StartOpenAiCompatibleServerOptions {
  /** Answered in order, one per chat-completions request. */
  script: ScriptedTurn[];
  /** Ids listed by GET /v1/models. */
  models?: string[];
  /** Pause between SSE chunks, to make streaming observable in time. */
  chunkDelayMs?: number;
}

/** Any HTTP request the server received, whatever its path. */
export interface ReceivedHttpRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface OpenAiCompatibleServer {
  /** `http://127.0.0.1:<port>/v1`: the value for the client's base URL. */
  baseUrl: string;
  /** Every chat-completions request body, in arrival order (including failed turns). */
  requests: ChatCompletionRequest[];
  /** Every HTTP request, e.g. to assert the path or the Authorization header. */
  received: ReceivedHttpRequest[];
  /** Why turns failed: matcher rejections, an exhausted script, unreadable bodies. */
  failures: string[];
  /** How many scripted turns have not been used yet. */
  remainingTurns(): number;
  close(): Promise<void>;
}

/** Starts a scripted OpenAI chat-completions server on 127.0.0.1 at a random port, for tests. */
export async function startOpenAiCompatibleServer(options: StartOpenAiCompatibleServerOptions): Promise<OpenAiCompatibleServer> {
  const script = [...options.script];
  const models = options.models ?? ['switchboard-test-model'];
  const requests: ChatCompletionRequest[] = [];
  const received: ReceivedHttpRequest[] = [];
  const failures: string[] = [];
  let nextTurn = 0;

  const fail = (res: ServerResponse, status: number, message: string, type: string): void => {
    failures.push(message);
    sendError(res, status, message, type);
  };

  const answerChatCompletion = async (res: ServerResponse, request: ChatCompletionRequest): Promise<void> => {
    const turnIndex = nextTurn;
    const turn = script[turnIndex];
    if (!turn) {
      fail(res, 500, `openai-compatible test server: script exhausted: request #${requests.length} arrived but only ${script.length} turn(s) were scripted`, 'server_error');
      return;
    }
    nextTurn += 1;
    const mismatch = checkMatch(turn, request, turnIndex);
    if (mismatch) {
      fail(res, 400, `openai-compatible test server: turn ${turnIndex + 1} did not match the request: ${mismatch}`, 'invalid_request_error');
      return;
    }
    const ctx = { turnIndex, model: request.model, promptText: JSON.stringify(request.messages) };
    if (!request.stream) {
      sendJson(res, 200, buildChatCompletion(turn, ctx));
      return;
    }
    const chunks = buildChatCompletionChunks(turn, ctx, request.stream_options?.include_usage === true);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    for (const chunk of chunks) {
      if (res.destroyed) return;
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
    }
    res.end('data: [DONE]\n\n');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    const body = parseJson(raw);
    received.push({ method: req.method ?? 'GET', path, headers: req.headers, body: body ?? (raw || undefined) });

    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'switchboard-test' })) });
      return;
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      if (!isChatCompletionRequest(body)) {
        fail(res, 400, 'openai-compatible test server: the body is not a chat-completions request (JSON with model and messages)', 'invalid_request_error');
        return;
      }
      requests.push(body);
      await answerChatCompletion(res, body);
      return;
    }
    // A Responses-API call (POST /v1/responses) lands here and fails loudly.
    fail(res, 404, `openai-compatible test server: no route for ${req.method} ${path}; only POST /v1/chat/completions and GET /v1/models are served`, 'invalid_request_error');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) fail(res, 500, `openai-compatible test server: ${err instanceof Error ? err.message : String(err)}`, 'server_error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    received,
    failures,
    remainingTurns: () => script.length - nextTurn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Clients keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function checkMatch(turn: ScriptedTurn, request: ChatCompletionRequest, turnIndex: number): string | undefined {
  if (!turn.match) return undefined;
  try {
    return turn.match(request, turnIndex) === false ? 'the matcher returned false' : undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function isChatCompletionRequest(body: unknown): body is ChatCompletionRequest {
  return typeof body === 'object' && body !== null && typeof (body as { model?: unknown }).model === 'string' && Array.isArray((body as { messages?: unknown }).messages);
}

// Undefined for an empty or malformed body; the chat route then answers 400.
function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

// The OpenAI error shape, so the client's error surfaces the message; x-should-retry tells the
// OpenAI SDK not to retry (LangChain's own retry still applies to 5xx: build models with maxRetries 0).
function sendError(res: ServerResponse, status: number, message: string, type: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-should-retry': 'false' });
  res.end(JSON.stringify({ error: { message, type, param: null, code: null } }));
}
