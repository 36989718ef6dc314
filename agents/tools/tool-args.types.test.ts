import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTempAgentContext } from './testing/temp-agent-context.ts';
import type { AgentContext } from '../context.ts';
import { defineAgentTool } from './define-agent-tool.ts';
import { raterTools } from './rater-tools.ts';
import { calendarDate } from './tool-args.types.ts';

let ctx: AgentContext;
let cleanup: () => void;

beforeEach(() => {
  ({ ctx, cleanup } = createTempAgentContext());
});
afterEach(() => cleanup());

/** What the model gets back from a tool call: the tool's JSON, or the refusal of its arguments. */
async function invoke(tool: { invoke(args: unknown): Promise<unknown> }, args: unknown): Promise<string> {
  try {
    return String(await tool.invoke(args));
  } catch (err) {
    return `refused: ${err instanceof Error ? err.message : String(err)}`;
  }
}

describe('agent tool arguments use the shared building blocks', () => {
  it('refuses billing month 2025-13 in what_if_plan before running it', async () => {
    const whatIf = raterTools(ctx).find((t) => t.tool.name === 'what_if_plan')!.tool;
    const out = await invoke(whatIf, { accountId: 'A1', period: '2025-13' });
    expect(out).toMatch(/2025-13 is not a billing month/);
  });

  it('refuses calendar date 2025-02-31 and accepts 2024-02-29 in a tool taking a date', async () => {
    let ran: string | null = null;
    const t = defineAgentTool(ctx, 'rater', {
      name: 'date_probe',
      description: 'takes a date',
      kind: 'read',
      schema: z.object({ on: calendarDate }).strict(),
      run: ({ on }) => {
        ran = on;
        return { on };
      },
    }).tool;
    expect(await invoke(t, { on: '2025-02-31' })).toMatch(/2025-02-31 is not a calendar date/);
    expect(ran).toBeNull();
    expect(JSON.parse(await invoke(t, { on: '2024-02-29' }))).toEqual({ on: '2024-02-29' });
  });
});
