import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listAudit } from '../../db/index.ts';
import { createTempAgentContext } from './testing/temp-agent-context.ts';
import { BillingError } from '../../tools/errors.ts';
import type { AgentContext } from '../context.ts';
import { defineAgentTool } from './define-agent-tool.ts';

let ctx: AgentContext;
let cleanup: () => void;

beforeEach(() => {
  ({ ctx, cleanup } = createTempAgentContext());
});
afterEach(() => cleanup());

async function call(run: () => unknown): Promise<{ error: { code: string; message: string } }> {
  const t = defineAgentTool(ctx, 'rater', { name: 'probe', description: 'a probe', kind: 'read', schema: z.object({}).strict(), run });
  return JSON.parse(String(await t.tool.invoke({})));
}

describe('defineAgentTool errors', () => {
  it("hands the model a user error's own message", async () => {
    const out = await call(() => {
      throw new BillingError('NOT_FOUND', 'no invoice INV-000009');
    });
    expect(out).toEqual({ error: { code: 'NOT_FOUND', message: 'no invoice INV-000009' } });
  });

  it('hands the model a generic message with a reference for a defect; the detail goes to the audit log only', async () => {
    const secret = 'SqliteError: no such column usage_events.secret_col in SELECT * FROM usage_events';
    const out = await call(() => {
      throw new TypeError(secret);
    });
    expect(out.error.code).toBe('INTERNAL');
    expect(out.error.message).not.toContain('secret_col');
    expect(out.error.message).not.toContain('SqliteError');
    const ref = /reference ([0-9a-f]{8})\b/.exec(out.error.message)?.[1];
    expect(ref).toBeDefined();
    const logged = listAudit(ctx.store, 't', { threadId: 'thread-1' }).filter((a) => a.event === 'tool_error');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.detail).toMatchObject({ code: 'INTERNAL', message: secret, reference: ref });
  });

  it('treats a BillingError coded INTERNAL like any defect', async () => {
    const out = await call(() => {
      throw new BillingError('INTERNAL', 'ledger invariant broken at row 17');
    });
    expect(out.error.code).toBe('INTERNAL');
    expect(out.error.message).not.toContain('row 17');
  });
});
