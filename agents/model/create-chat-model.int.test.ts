import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatOpenAI } from '@langchain/openai';
import { tool } from '@langchain/core/tools';
import { type AIMessage, type AIMessageChunk, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { appConfigSchema } from '../../config/load-config.ts';
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedTurn } from '../testing/openai-compatible-server.ts';
import { createChatModel } from './create-chat-model.ts';

const lookupInvoice = tool(async ({ invoiceNumber }) => `invoice ${invoiceNumber}`, {
  name: 'lookup_invoice',
  description: 'Finds an issued invoice by its number.',
  schema: z.object({
    invoiceNumber: z.string().describe('The invoice number, e.g. INV-2024-000123'),
    includeLines: z.boolean().optional(),
  }),
});

let server: OpenAiCompatibleServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelAgainst(script: ScriptedTurn[], model = 'switchboard-test-model'): Promise<BaseChatModel> {
  server = await startOpenAiCompatibleServer({ script });
  // No retries: a failing turn should fail the test at once, not after backoff.
  const config = appConfigSchema.parse({ openaiBaseUrl: server.baseUrl, model, modelMaxRetries: 0 });
  const created = createChatModel(config, { fallback: () => new FakeListChatModel({ responses: [] }) });
  expect(created.kind).toBe('openai');
  return created.model;
}

const toolCallTurn: ScriptedTurn = { toolCalls: [{ name: 'lookup_invoice', args: { invoiceNumber: 'INV-2024-000123', includeLines: true } }] };

describe('createChatModel against an OpenAI-compatible server', () => {
  it('(a) answers a plain question over chat completions, with the placeholder key and temperature 0', async () => {
    const model = await modelAgainst([{ content: 'Your balance is £12.50.' }]);
    const reply = await model.invoke('What is my balance?');
    expect(reply.content).toBe('Your balance is £12.50.');
    expect(server!.received.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions']);
    expect(server!.received[0]?.headers.authorization).toBe('Bearer not-needed');
    const request = server!.requests[0]!;
    expect(request.model).toBe('switchboard-test-model');
    expect(request.temperature).toBe(0);
    expect(request.stream).toBeFalsy();
    expect(request.messages).toEqual([{ role: 'user', content: 'What is my balance?' }]);
  });

  it('keeps to chat completions for a model name that sends plain ChatOpenAI to the Responses API', async () => {
    const model = await modelAgainst([{ content: 'ok' }], 'gpt-5.2-codex');
    await model.invoke('hi');
    expect(server!.received.map((r) => r.path)).toEqual(['/v1/chat/completions']);

    const plain = new ChatOpenAI({ model: 'gpt-5.2-codex', apiKey: 'x', maxRetries: 0, configuration: { baseURL: server!.baseUrl } });
    await expect(plain.invoke('hi')).rejects.toThrow();
    expect(server!.received.at(-1)?.path).toBe('/v1/responses');
  });

  it('(b) parses tool calls from bindTools with a zod tool, and sends the tool JSON schema and tool_choice', async () => {
    const model = await modelAgainst([toolCallTurn, { content: 'INV-2024-000123 is paid.' }]);
    const withTools = model.bindTools!([lookupInvoice], { tool_choice: 'auto' });
    const first = (await withTools.invoke([new HumanMessage('Is INV-2024-000123 paid?')])) as AIMessage;
    expect(first.tool_calls).toEqual([{ type: 'tool_call', id: 'call_1_1', name: 'lookup_invoice', args: { invoiceNumber: 'INV-2024-000123', includeLines: true } }]);

    const offered = server!.requests[0]!;
    expect(offered.tool_choice).toBe('auto');
    expect(offered.tools).toHaveLength(1);
    expect(offered.tools?.[0]).toMatchObject({
      type: 'function',
      function: {
        name: 'lookup_invoice',
        description: 'Finds an issued invoice by its number.',
        parameters: {
          type: 'object',
          properties: { invoiceNumber: { type: 'string', description: 'The invoice number, e.g. INV-2024-000123' }, includeLines: { type: 'boolean' } },
          required: ['invoiceNumber'],
        },
      },
    });

    const toolResult = new ToolMessage({ tool_call_id: 'call_1_1', content: 'INV-2024-000123: paid on 2024-02-03' });
    const second = await withTools.invoke([new HumanMessage('Is INV-2024-000123 paid?'), first, toolResult]);
    expect(second.content).toBe('INV-2024-000123 is paid.');
    const sentBack = server!.requests[1]!.messages;
    expect(sentBack[1]).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_1_1', type: 'function', function: { name: 'lookup_invoice' } }] });
    expect(JSON.parse(sentBack[1]!.tool_calls![0]!.function.arguments)).toEqual({ invoiceNumber: 'INV-2024-000123', includeLines: true });
    expect(sentBack[2]).toEqual({ role: 'tool', tool_call_id: 'call_1_1', content: 'INV-2024-000123: paid on 2024-02-03' });
  });

  it('(c) streams content chunks that concatenate to the scripted text', async () => {
    const text = 'Three calls to Spain cost £4.20 in total.';
    const model = await modelAgainst([{ content: text }]);
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream('Why is my bill high?')) chunks.push(chunk);
    const pieces = chunks.map((c) => c.content).filter((c) => c !== '');
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(text);
    // (e) the request asked for a stream and for the usage chunk
    expect(server!.requests[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('(c) merges streamed tool-call fragments into one tool call with the right args', async () => {
    const model = await modelAgainst([toolCallTurn]);
    let merged: AIMessageChunk | undefined;
    let fragments = 0;
    for await (const chunk of await model.bindTools!([lookupInvoice]).stream('Is INV-2024-000123 paid?')) {
      if (chunk.tool_call_chunks?.length) fragments += 1;
      merged = merged ? merged.concat(chunk) : chunk;
    }
    expect(fragments).toBeGreaterThan(2);
    expect(merged?.tool_calls).toEqual([{ type: 'tool_call', id: 'call_1_1', name: 'lookup_invoice', args: { invoiceNumber: 'INV-2024-000123', includeLines: true } }]);
    // (e) the streamed request still carries the tools' JSON schema
    const request = server!.requests[0]!;
    expect(request.stream).toBe(true);
    expect(request.tools?.[0]?.function.parameters).toMatchObject({ properties: { invoiceNumber: { type: 'string' } } });
  });
});
