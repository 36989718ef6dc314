import type { AgentContext, AgentName } from './context.ts';
import { approvalTools } from './tools/approval-tools.ts';
import { auditorTools } from './tools/auditor-tools.ts';
import { categoriserTools } from './tools/categoriser-tools.ts';
import { collectionsTools } from './tools/collections-tools.ts';
import { complianceTools } from './tools/compliance-tools.ts';
import type { AgentTool } from './tools/define-agent-tool.ts';
import { raterTools } from './tools/rater-tools.ts';

/** Each specialist's least-privilege tool set: only the compliance checker and the supervisor's reads are without proposals. */
export const SPECIALIST_TOOLS: Record<AgentName, (ctx: AgentContext) => AgentTool[]> = {
  categoriser: categoriserTools,
  rater: raterTools,
  auditor: auditorTools,
  compliance: complianceTools,
  collections: collectionsTools,
};

/** The tools of an agent (or the supervisor's own) bound to a run's context. */
export function toolsFor(agent: AgentName | 'supervisor', ctx: AgentContext): AgentTool[] {
  return agent === 'supervisor' ? approvalTools(ctx) : SPECIALIST_TOOLS[agent](ctx);
}
