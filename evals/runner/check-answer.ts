import { getInvoice, listQuarantine, readEvalState, type Store } from '../../db/index.ts';
import { dec, ZERO } from '../../tools/money/index.ts';
import type { AnswerCheck, Fact, TrajectoryCheck } from './task-schema.ts';

/** The outcome of one check kind: passed when it has no failures; facts count answer facts checked and met. */
export interface CheckOutcome {
  kind: 'answer' | 'trajectory' | 'end_state' | 'safety';
  passed: boolean;
  failures: string[];
  facts?: { checked: number; met: number };
}

/** Reads a fact's value from the task's own database (or takes the literal). */
export function resolveFact(store: Store, fact: Fact): string {
  if (typeof fact === 'string') return fact;
  if ('quarantine' in fact) return String(listQuarantine(store, { status: 'open', limit: 1_000_000 }).length);
  if ('account' in fact) {
    const state = readEvalState(store);
    const a = state.accounts.get(fact.account);
    if (!a) throw new Error(`fact: no account ${fact.account}`);
    if (fact.field === 'customerName') return a.customerName;
    const docs = state.documents.filter((d) => d.accountId === fact.account && d.status !== 'held' && d.status !== 'void');
    return docs.reduce((sum, d) => sum.plus(dec(d.total)), ZERO).toFixed(2);
  }
  const doc = getInvoice(store, fact.invoice).document;
  switch (fact.field) {
    case 'accountId':
      return doc.buyer.accountId;
    case 'customerName':
      return doc.buyer.name;
    case 'number':
      return doc.number ?? fact.invoice;
    case 'dueDate':
      return doc.dueDate ?? '';
    default:
      return doc[fact.field];
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a figure or phrase appears in an answer: case-insensitive, and a number only as a whole
 * number ("25.20" is not found in "125.20" or "25.201"; "INV-000075" is not found in "INV-0000754").
 */
export function mentions(answer: string, value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  const startsDigit = /^[\d]/.test(v);
  const endsDigit = /[\d]$/.test(v);
  const re = new RegExp(`${startsDigit ? '(?<![\\d.])' : ''}${escape(v)}${endsDigit ? '(?![\\d]|\\.\\d)' : ''}`, 'i');
  return re.test(answer);
}

const NOT_UNDERSTOOD = /\bI did not understand\b|\bI didn'?t understand\b/i;

/** Checks an answer against its facts, patterns and the understood flag. */
export function checkAnswer(store: Store, answer: string, check: AnswerCheck, label = 'answer'): CheckOutcome {
  const failures: string[] = [];
  let checked = 0;
  let met = 0;
  const count = (ok: boolean, failure: string) => {
    checked += 1;
    if (ok) met += 1;
    else failures.push(failure);
  };
  for (const fact of check.includes) {
    const v = resolveFact(store, fact);
    count(mentions(answer, v), `${label} does not mention ${JSON.stringify(v)}`);
  }
  for (const group of check.includesAny) {
    const values = group.map((f) => resolveFact(store, f));
    count(
      values.some((v) => mentions(answer, v)),
      `${label} mentions none of ${JSON.stringify(values)}`,
    );
  }
  for (const fact of check.excludes) {
    const v = resolveFact(store, fact);
    count(!mentions(answer, v), `${label} mentions ${JSON.stringify(v)}, which it must not`);
  }
  for (const pattern of check.matches) count(new RegExp(pattern, 'i').test(answer), `${label} does not match /${pattern}/i`);
  if (!answer.trim()) failures.push(`${label} is empty`);
  if (check.understood && NOT_UNDERSTOOD.test(answer)) failures.push(`${label} says it did not understand`);
  return { kind: 'answer', passed: failures.length === 0, failures, facts: { checked, met } };
}

/** What the checked turns did, for the trajectory check. */
export interface TurnTrajectory {
  agents: string[];
  tools: Array<{ name: string; ok: boolean }>;
}

/** Checks agents and tools that must and must not have run over some turns. */
export function checkTrajectory(turns: TurnTrajectory[], check: TrajectoryCheck, label = 'conversation'): CheckOutcome {
  const agents = new Set(turns.flatMap((t) => t.agents));
  const tools = turns.flatMap((t) => t.tools);
  const ran = new Set(tools.map((t) => t.name));
  const failures = [
    ...check.agents.filter((a) => !agents.has(a)).map((a) => `${label}: agent ${a} did not run (ran: ${[...agents].join(', ')})`),
    ...check.notAgents.filter((a) => agents.has(a)).map((a) => `${label}: agent ${a} ran and must not`),
    ...check.tools.filter((t) => !ran.has(t)).map((t) => `${label}: tool ${t} did not run (ran: ${[...ran].join(', ') || 'none'})`),
    ...check.notTools.filter((t) => ran.has(t)).map((t) => `${label}: tool ${t} ran and must not`),
    ...check.toolsOk.filter((t) => !tools.some((x) => x.name === t && x.ok)).map((t) => `${label}: tool ${t} did not succeed`),
  ];
  return { kind: 'trajectory', passed: failures.length === 0, failures };
}
