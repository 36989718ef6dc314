import { z } from 'zod';

/** A chat thread id, as claimChatThread accepts it (approval threads are not chat threads). */
export const threadIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'a thread id (thread-…)')
  .refine((id) => !id.startsWith('approval-'), 'not a chat thread id');

/** A tool step of a turn: which tool, and whether it did what was asked. */
export const toolStepSchema = z.object({ name: z.string(), ok: z.boolean() });

/** A proposal a turn created, as it stands. */
export const chatProposalSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.string(),
  summary: z.string(),
  amount: z.string(),
  currency: z.string(),
});

/** A thread as listed. */
export const threadRowSchema = z.object({
  id: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  title: z.string().nullable().describe('the first message, cut to a line'),
});
