import { Annotation } from '@langchain/langgraph';
import { z } from 'zod';
import { approvalResponseSchema } from '../../tools/approval/index.ts';

/** What resumes an approval interrupt: the person's response and a request id to match the outcome to. */
export const approvalResumeSchema = z.object({ requestId: z.string().min(1).max(64), response: approvalResponseSchema }).strict();
export type ApprovalResume = z.infer<typeof approvalResumeSchema>;

/** A refusal of one resume (four eyes, wrong role, invalid response): nothing was recorded. */
export interface ApprovalRefusal {
  requestId: string;
  code: string;
  message: string;
}

/** The approval thread's state: ids and outcomes only; the proposal itself lives in the database. */
export const ApprovalState = Annotation.Root({
  proposalId: Annotation<number>(),
  status: Annotation<string>({ reducer: (_a, b) => b, default: () => 'pending' }),
  refusal: Annotation<ApprovalRefusal | null>({ reducer: (_a, b) => b, default: () => null }),
  lastRequestId: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
  postingRef: Annotation<string | null>({ reducer: (_a, b) => b, default: () => null }),
});
export type ApprovalStateType = typeof ApprovalState.State;
