import type { AssuranceFacts, AssuranceReport, Gap, Stage, StageCheck } from './assurance.types.ts';
import { invoiceChain } from './invoice-chain.ts';
import { MoneyBag, moneyText, sameMoney } from './money-bag.ts';
import { usageChain } from './usage-chain.ts';

const bagOf = (...moneys: Record<string, string>[]) => moneys.reduce((b, m) => b.addBag(Object.entries(m).reduce((x, [c, v]) => x.add(c, v), new MoneyBag())), new MoneyBag());

/** Checks that a stage equals the next plus the gaps between them, in count and in money (every currency). */
export function checkStages(from: Stage, to: Stage, gaps: Gap[]): StageCheck {
  const between = gaps.filter((g) => g.from === from.id && g.to === to.id);
  const count = to.count + between.reduce((s, g) => s + g.count, 0);
  const money = bagOf(to.money, ...between.map((g) => g.money));
  const countAddsUp = count === from.count;
  const moneyAddsUp = sameMoney(bagOf(from.money), money);
  const gapCount = between.reduce((s, g) => s + g.count, 0);
  const equation =
    `${from.id} ${from.count} ${countAddsUp ? '=' : '≠'} ${to.id} ${to.count} + gaps ${gapCount}; ` +
    `${moneyText(from.money)} ${moneyAddsUp ? '=' : '≠'} ${moneyText(to.money)} + gaps ${moneyText(bagOf(...between.map((g) => g.money)).toMoney())}`;
  return { from: from.id, to: to.id, countAddsUp, moneyAddsUp, equation };
}

/**
 * The revenue-assurance report of one tenant and billing month, from the switch to the bank: the
 * stages (read, accepted, rated, charged; billed, invoiced, paid), every gap between them by
 * cause with its items and money, and the check that each stage is the next plus its gaps.
 * Pure: the same facts always give the same report. `limit` items are listed per gap.
 */
export function buildAssuranceReport(facts: AssuranceFacts, limit = 20): AssuranceReport {
  const usage = usageChain(facts, limit);
  const money = invoiceChain(facts, limit);
  const stages = [...usage.stages, ...money.stages];
  // Every gap is listed, empty ones too, so a reader sees each cause was looked for.
  const gaps = [...Object.values(usage.gaps), ...Object.values(money.gaps)].map((g) => g.toGap());
  const checks = [...usage.stages.slice(1).map((s, i) => checkStages(usage.stages[i]!, s, gaps)), ...money.stages.slice(1).map((s, i) => checkStages(money.stages[i]!, s, gaps))];
  const leaks = gaps.filter((g) => g.leak);
  return {
    tenant: facts.tenant,
    period: facts.period,
    timezone: facts.timezone,
    window: facts.window,
    stages,
    gaps,
    checks,
    gapsAddUp: checks.every((c) => c.countAddsUp && c.moneyAddsUp),
    leaks: {
      items: leaks.reduce((s, g) => s + g.itemCount, 0),
      money: bagOf(...leaks.map((g) => g.money)).toMoney(),
      atRisk: bagOf(...leaks.map((g) => g.atRisk)).toMoney(),
    },
  };
}
