import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedTurn } from './openai-compatible-server.ts';

let server: OpenAiCompatibleServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(script: ScriptedTurn[]): Promise<OpenAiCompatibleServer> {
  server = await startOpenAiCompatibleServer({ script });
  return server;
}

function post(body: unknown): Promise<Response> {
  return fetch(`${server!.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

// Loosely typed on purpose: these tests look into wire payloads field by field.
async function json(res: Response): Promise<any> {
  return res.json();
}

type Chunk = { choices: Array<{ delta: Record<string, any>; finish_reason: string | null }>; usage?: Record<string, number> | null };

async function readSse(res: Response): Promise<{ chunks: Chunk[]; lines: string[] }> {
  const lines = (await res.text()).split('\n\n').filter(Boolean);
  const chunks = lines.filter((l) => l !== 'data: [DONE]').map((l) => JSON.parse(l.replace(/^data: /, '')) as Chunk);
  return { chunks, lines };
}

const ask = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

describe('startOpenAiCompatibleServer', () => {
  it('lists models and answers a scripted turn as a chat.completion', async () => {
    await start([{ content: 'hello there', usage: { promptTokens: 7, completionTokens: 2 } }]);
    const models = await json(await fetch(`${server!.baseUrl}/models`));
    expect(models.data.map((m: { id: string }) => m.id)).toEqual(['switchboard-test-model']);
    const body = await json(await post(ask));
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'hello there' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 },
    });
    expect(server!.requests).toEqual([ask]);
    expect(server!.remainingTurns()).toBe(0);
  });

  it('answers tool-call turns with JSON-encoded arguments and finish_reason tool_calls', async () => {
    await start([
      {
        toolCalls: [
          { name: 'a', args: { x: 1 } },
          { name: 'b', args: {}, id: 'call_custom' },
        ],
      },
    ]);
    const body = await json(await post(ask));
    expect(body.choices[0].finish_reason).toBe('tool_calls');
    expect(body.choices[0].message.content).toBeNull();
    expect(body.choices[0].message.tool_calls).toEqual([
      { id: 'call_1_1', type: 'function', function: { name: 'a', arguments: '{"x":1}' } },
      { id: 'call_custom', type: 'function', function: { name: 'b', arguments: '{}' } },
    ]);
    expect(body.usage.total_tokens).toBeGreaterThan(0);
  });

  it('streams SSE: role chunk, word pieces, tool-call fragments, finish, usage chunk, [DONE]', async () => {
    await start([{ content: 'Checking that now.', toolCalls: [{ name: 'lookup', args: { number: 'INV-1' } }], usage: { promptTokens: 3, completionTokens: 4 } }]);
    const res = await post({ ...ask, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const { chunks, lines } = await readSse(res);
    expect(lines.every((l) => l.startsWith('data: '))).toBe(true);
    expect(lines.at(-1)).toBe('data: [DONE]');
    expect(chunks[0]?.choices[0]?.delta).toMatchObject({ role: 'assistant', content: '' });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Checking that now.');

    const toolDeltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({ index: 0, id: 'call_1_1', type: 'function', function: { name: 'lookup', arguments: '' } });
    expect(toolDeltas.length).toBeGreaterThan(2);
    expect(toolDeltas.slice(1).every((d) => d.index === 0 && d.id === undefined && d.function.name === undefined)).toBe(true);
    expect(JSON.parse(toolDeltas.map((d) => d.function.arguments).join(''))).toEqual({ number: 'INV-1' });

    const finish = chunks.at(-2)!;
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: 'tool_calls' });
    expect(finish.usage).toBeNull();
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
  });

  it('leaves out the usage chunk when include_usage is not asked for', async () => {
    await start([{ content: 'plain' }]);
    const { chunks } = await readSse(await post({ ...ask, stream: true }));
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.some((c) => 'usage' in c)).toBe(false);
  });

  it('fails a turn whose matcher rejects the request with HTTP 400 and keeps the reason', async () => {
    await start([
      {
        content: 'never sent',
        match: (req) => {
          if (!req.tools?.length) throw new Error('expected tools to be offered');
        },
      },
      { content: 'second', match: (req) => req.messages.length === 1 },
    ]);
    const res = await post(ask);
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toContain('turn 1 did not match the request: expected tools to be offered');
    expect(server!.failures).toHaveLength(1);
    // The failed turn is used up; the next request gets the next turn.
    expect((await json(await post(ask))).choices[0].message.content).toBe('second');
  });

  it('answers HTTP 500 with a clear message once the script runs out', async () => {
    await start([{ content: 'only one' }]);
    await post(ask);
    const res = await post(ask);
    expect(res.status).toBe(500);
    expect((await json(res)).error.message).toMatch(/script exhausted: request #2 arrived but only 1 turn/);
    expect(server!.requests).toHaveLength(2);
  });

  it('rejects unknown routes (the Responses API) and malformed bodies', async () => {
    await start([{ content: 'unused' }]);
    const responses = await fetch(`${server!.baseUrl}/responses`, { method: 'POST', body: '{}' });
    expect(responses.status).toBe(404);
    const malformed = await fetch(`${server!.baseUrl}/chat/completions`, { method: 'POST', body: 'not json' });
    expect(malformed.status).toBe(400);
    expect(server!.received.map((r) => r.path)).toEqual(['/v1/responses', '/v1/chat/completions']);
    expect(server!.remainingTurns()).toBe(1);
  });

  it('closes promptly while a client still holds a keep-alive connection', async () => {
    await start([{ content: 'a' }]);
    await json(await post(ask));
    const started = Date.now();
    await server!.close();
    server = undefined;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
