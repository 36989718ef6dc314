import type { ToolOutcome } from './plan-tool-calls.ts';
import type { CustomerRequest } from './read-customer-message.ts';

/* The offline model's answers to a customer: plain words in the second person, every figure copied
 * from a tool result as it is (strings). Nothing here does arithmetic on an amount. */

// biome-ignore lint/suspicious/noExplicitAny: tool results (validated by their operations) are read field by field
type Json = Record<string, any>;

const list = (rows: string[], max = 10) => [...rows.slice(0, max), ...(rows.length > max ? [`  … and ${rows.length - max} more`] : [])].join('\n');

/** What the customer can ask, listed for help and when a message is not understood. */
export const CUSTOMER_CAPABILITIES = [
  'explain your latest bill, or one by number ("explain INV-000123")',
  'say why your bill is higher or lower than before',
  'show what you owe and when it is due',
  'show your invoices and your usage (calls, texts, data)',
  'check whether another plan would have been cheaper for you',
  'say whether you are likely to go over your allowances this month, and what that would cost',
  'pass a dispute about a charge to our billing team ("I dispute the roaming charge on INV-000123")',
  'ask our billing team to call you back',
];

const capabilities = () => CUSTOMER_CAPABILITIES.map((c) => `  - ${c}`).join('\n');

/** The polite refusal of anything only the operator's staff do. */
export const STAFF_ONLY =
  "That is something only our billing team can do, so I can't do it from here: I can only look at your own account, and I can't approve, change or move anything. If something on your bill looks wrong, tell me (\"I dispute the … charge on INV-…\") and I'll pass it to the team, or ask them to call you back.";

/** The next tool call for a customer's request, or null when it is time to answer. */
export function planCustomerCall(r: CustomerRequest, outcomes: ToolOutcome[]): { tool: string; args: Record<string, unknown> } | null {
  if (outcomes.length) return null;
  const period = r.period ? { period: r.period } : {};
  const invoice = r.invoice ? { invoice: r.invoice } : {};
  switch (r.intent) {
    case 'money_ask':
      return r.injection ? null : { tool: 'open_case', args: { kind: 'dispute', ...invoice, ...(r.line ? { line: r.line } : {}) } };
    case 'dispute':
      return { tool: 'open_case', args: { kind: 'dispute', ...invoice, ...(r.lineId && r.invoice ? { lineId: r.lineId } : r.line ? { line: r.line } : {}) } };
    case 'callback':
      return { tool: 'open_case', args: { kind: 'callback', ...invoice } };
    case 'bill_change':
      return { tool: 'why_my_bill_changed', args: r.invoice ? invoice : period };
    case 'forecast':
      return { tool: 'my_forecast', args: {} };
    case 'plan_advice':
      return { tool: 'my_plan_options', args: period };
    case 'explain_line':
      return { tool: 'explain_my_invoice_line', args: { invoice: r.invoice, lineId: r.lineId } };
    case 'explain_invoice':
      return { tool: 'explain_my_invoice', args: r.invoice ? invoice : period };
    case 'balance':
    case 'other_account':
      return { tool: 'my_balance', args: {} };
    case 'invoices':
      return { tool: 'my_invoices', args: { ...period, limit: 12 } };
    case 'usage':
      return { tool: 'my_usage', args: { ...period, limit: 20 } };
    default:
      return null;
  }
}

/** Where the invoice stands, for its customer: paid or what is still open, and the notes set against it (their numbers and totals, not staff reasons). */
function settlementWords(st: Json, currency: string): string[] {
  const notes = (st.notes as Json[]).map((n) => `${n.kind === 'credit_note' ? 'credit note' : 'debit note'} ${n.number ?? '(not numbered yet)'} of ${n.total} ${currency}`);
  return [
    ...(notes.length ? [`Since then we issued ${notes.join(' and ')} against it.`] : []),
    st.paid ? 'It is paid.' : `Still to pay on it: ${st.open} ${currency}.`,
    ...(/^0(\.0+)?$/.test(st.credit) ? [] : [`You have ${st.credit} ${currency} in credit from it.`]),
  ];
}

function invoiceAnswer(x: Json): string {
  const h = x.header;
  const name = h.number ?? 'your invoice (not numbered yet)';
  const lines = (x.lines as Json[]).map((l) => `  - ${l.description}${l.msisdn ? ` (line ${l.msisdn})` : ''}: ${l.amount} ${h.currency} (${l.calculation})`);
  const taxes = (x.taxes as Json[]).map((t) => `  - ${t.name}: ${t.amount} ${h.currency} (${t.calculation})`);
  return [
    `Your invoice ${name} for ${h.period.label} comes to ${h.total} ${h.currency}: ${h.subtotal} ${h.currency} for your services plus ${h.taxTotal} ${h.currency} in taxes.`,
    ...(h.dueDate && h.status !== 'paid' ? [`Payment is due by ${h.dueDate}.`] : []),
    ...(x.settlement ? settlementWords(x.settlement, h.currency) : []),
    ...(lines.length ? ["Here is what you're paying for:", list(lines, 12)] : []),
    ...(taxes.length ? ['Taxes:', list(taxes)] : []),
    'If a charge looks wrong, say "I dispute the … charge" and I will pass it to our billing team.',
  ].join('\n');
}

function billChangeAnswer(x: Json): string {
  const c = x.comparison as Json | null;
  const head = `Your bill ${x.invoice.number ?? '(not numbered yet)'} for ${x.invoice.period} is ${x.invoice.total} ${x.invoice.currency}.`;
  if (!c || !x.previous) return [head, "There is no earlier bill to compare it with, so it can't have gone up: this is your first one."].join('\n');
  return [
    head,
    `Your previous bill ${x.previous.number ?? ''} for ${x.previous.period} was ${x.previous.total} ${x.invoice.currency}; the difference is ${c.delta.total} ${x.invoice.currency}.`,
    ...((c.causes as Json[]).length
      ? [
          'What changed most:',
          list(
            (c.causes as Json[]).map((k) => `  - ${k.sentence}`),
            5,
          ),
        ]
      : ['None of your charges changed.']),
    x.jump.sentence,
  ].join('\n');
}

function balanceAnswer(x: Json, r: CustomerRequest): string {
  const s = x.standing;
  const cur = s.currency ?? '';
  const rows = (s.rows as Json[]).map((row) => `  - ${row.number}: ${row.open} ${cur} open, due ${row.dueDate}${row.daysPastDue ? ` (${row.daysPastDue} days overdue)` : ''}`);
  const owes = /^-/.test(s.balance)
    ? `Your account is in credit: your balance is ${s.balance} ${cur}.`
    : /^0(\.0+)?$/.test(s.balance)
      ? 'You owe nothing right now.'
      : `You owe ${s.balance} ${cur} today.`;
  return [
    ...(r.mentionedAccount && r.mentionedAccount !== x.accountId ? [`I can only see your own account (${x.accountId}), so I can't show ${r.mentionedAccount}. Here is yours:`] : []),
    owes,
    ...(/^0(\.0+)?$/.test(s.overdueBalance) ? [] : [`${s.overdueBalance} ${cur} of it is overdue.`]),
    ...(rows.length ? ['Open invoices:', list(rows)] : []),
    ...(/^0(\.0+)?$/.test(s.creditBalance) ? [] : [`You also have ${s.creditBalance} ${cur} in credit not yet used against a bill.`]),
  ].join('\n');
}

function planAnswer(x: Json): string {
  const recommended = (x.recommended ?? []) as Json[];
  const scenarios = (x.scenarios ?? []) as Json[];
  const rows = ((x.lines ?? []) as Json[]).map((l) => {
    const best = recommended.find((b) => b.subscriptionId === l.subscriptionId);
    if (best)
      return `  - Your line ${l.msisdn} is on ${best.currentPlanId} and cost ${best.currentAmount} ${x.currency} in ${x.period}; on ${best.planName ?? best.planId} (${best.planId}) the same usage would have cost ${best.alternativeAmount} ${x.currency}, saving you ${best.saving} ${x.currency}.`;
    const now = scenarios.find((s) => s.msisdn === l.msisdn && !s.note);
    return `  - Your line ${l.msisdn}${now ? ` is on ${now.currentPlanId} and cost ${now.currentAmount} ${x.currency} in ${x.period}` : ''}: no other plan would have saved you 1.00 ${x.currency} or more, so it is on the right plan for how you use it.`;
  });
  return [
    `I priced your real usage of ${x.period} on the other plans you can have (before tax):`,
    list(rows),
    recommended.length ? 'Nothing has been changed. If you would like to switch, ask us to call you back ("call me back").' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

// What a usage event was, in words; quantities stay in the listing's own units, so none are converted here.
const WHAT: Record<string, string> = { voice: 'call', sms: 'text message', data: 'data session' };

function caseAnswer(x: Json, r: CustomerRequest): string {
  const about = x.invoice ? ` about invoice ${x.invoice}${x.line ? ` (the "${x.line}" charge)` : ''}` : '';
  if (x.alreadyOpen) return `You already have case ${x.caseId} open with our billing team${about}; they will be in touch. Nothing on your account has changed.`;
  if (x.kind === 'callback_request') return `I've asked our billing team to call you back${about} (case ${x.caseId}). Nothing on your account has changed.`;
  return [
    ...(r.intent === 'money_ask' ? ["I can't waive fees, give credits or refunds myself: only our billing team can decide that. So I've passed your request on."] : []),
    `I've opened case ${x.caseId} for our billing team${about}, with your message. They will look into it and get back to you.`,
    "Nothing on your account has changed yet, and you don't need to do anything else for now.",
  ].join('\n');
}

/** The forecast in the second person: what is heading over first, with its extra charge and the cheaper plan. */
function forecastAnswer(x: Json): string {
  const rows = (x.lines as Json[]).flatMap((l) => (l.allowances as Json[]).map((a) => ({ l, a })));
  const over = rows.filter(({ a }) => a.projectedToExceed);
  const NAME: Record<string, string> = { voice: 'minutes', sms: 'texts', data: 'data' };
  return [
    ...(over.length
      ? over.map(
          ({ l, a }) =>
            `At your usual pace, line ${l.msisdn} will use about ${a.projectedUse} ${a.unit} of ${NAME[a.service] ?? a.service} by ${x.period.lastDay}, with ${a.included} ${a.unit} included: going over would cost about ${a.extraCharge} ${x.currency} extra (before tax).`,
        )
      : [`You are not on course to go over any of your allowances this period (to ${x.period.lastDay}).`]),
    list(rows.map(({ l, a }) => `  - ${l.msisdn} ${NAME[a.service] ?? a.service}: ${a.used} of ${a.included} ${a.unit} used so far, about ${a.projectedUse} by the end of the period`)),
    ...(x.lines as Json[]).flatMap((l) => (l.suggestion ? [`On ${l.suggestion.planName}, line ${l.msisdn} would cost ${l.suggestion.saving} ${x.currency} less this period.`] : [])),
    'This is a forecast from your use so far, not a bill.',
  ].join('\n');
}

const WRITERS: Record<string, (x: Json, r: CustomerRequest) => string> = {
  my_forecast: forecastAnswer,
  explain_my_invoice: invoiceAnswer,
  explain_my_invoice_line: (l) =>
    `That charge, ${l.description}, is ${l.amount} (${l.calculation}).${l.eventCount ? ` It covers ${l.eventCount} usage events, charged ${l.eventTotals.charged} in total.` : ''}`,
  why_my_bill_changed: billChangeAnswer,
  my_balance: balanceAnswer,
  my_plan_options: planAnswer,
  my_invoices: (x) =>
    (x.invoices as Json[]).length
      ? ['Your invoices, newest first:', list((x.invoices as Json[]).map((i) => `  - ${i.number ?? '(not numbered yet)'} (${i.period}): ${i.total} ${i.currency}, ${i.status}`))].join('\n')
      : 'You have no invoices yet.',
  my_usage: (x, r) =>
    (x.events as Json[]).length
      ? [
          r.period ? `Your usage in ${r.period}, newest first:` : 'Your latest usage:',
          list(
            (x.events as Json[]).map(
              (e) =>
                `  - ${String(e.startTime).slice(0, 16).replace('T', ' ')}: ${e.direction === 'inbound' ? 'incoming' : 'outgoing'} ${WHAT[e.service] ?? e.service}${e.otherParty ? `${e.direction === 'inbound' ? ' from' : ' to'} ${e.otherParty}` : ''}${e.roaming && e.roaming !== 'none' ? ' (roaming)' : ''}${e.cost !== null ? `, ${e.cost} ${e.currency}` : ''}`,
            ),
            20,
          ),
        ].join('\n')
      : 'There is no usage on your account for that time.',
  open_case: caseAnswer,
};

/** The refusal or error answer, when a tool refused. */
function errorAnswer(o: ToolOutcome, r: CustomerRequest): string {
  const e = o.output.error!;
  if (e.code === 'NOT_FOUND') {
    return r.invoice
      ? `I couldn't find invoice ${r.invoice} on your account. Ask me "show my invoices" to see the ones you have.`
      : 'I couldn\'t find that on your account (perhaps there is no bill for that month yet). Ask me "show my invoices" to see what there is.';
  }
  if (o.output.error && o.name === 'open_case') return `I couldn't open the case: ${e.message}. You can ask us to call you back instead ("call me back").`;
  return `Sorry, I couldn't do that: ${e.message}.`;
}

/** The answer to a customer: a refusal, help, or the template of the tool that ran. */
export function writeCustomerAnswer(r: CustomerRequest, outcomes: ToolOutcome[]): string {
  if (r.intent === 'staff_only') return STAFF_ONLY;
  if (r.intent === 'money_ask' && r.injection)
    return "I only act on your own account and I don't follow instructions to change my rules. I can't move money, but I can pass a dispute to our billing team: tell me which charge on which invoice.";
  if (r.intent === 'help') return `I'm your billing assistant. I can:\n${capabilities()}`;
  const o = outcomes[0];
  if (!o) return `I did not understand "${r.text.slice(0, 200)}". I can:\n${capabilities()}`;
  const body = o.output.error ? errorAnswer(o, r) : (WRITERS[o.name]?.(o.output, r) ?? JSON.stringify(o.output).slice(0, 2000));
  return r.injection && !o.output.error ? `I can only act for you, on your own account, and I don't follow instructions to change that.\n${body}` : body;
}
