import { parseArgs } from 'node:util';
import { formatCashflowTable, measureCashflow } from './measure-cashflow.ts';

/** `npm run eval:cashflow`: the cash-flow forecast's back-test alone (it is also part of `npm run eval`). */
const { values } = parseArgs({ args: process.argv.slice(2), options: { json: { type: 'boolean', default: false }, seed: { type: 'string' }, accounts: { type: 'string' } } });
const section = measureCashflow({ ...(values.seed ? { seed: Number(values.seed) } : {}), ...(values.accounts ? { accounts: Number(values.accounts) } : {}) });
console.log(values.json ? JSON.stringify(section, null, 2) : `${formatCashflowTable(section)}\n(${section.durationMs} ms)`);
