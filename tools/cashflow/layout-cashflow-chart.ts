import { dec, roundDecimal, ZERO, type Decimal } from '../money/index.ts';

/** The chart's frame in SVG units. */
export const CASHFLOW_CHART = { width: 720, height: 240, left: 64, bottom: 28, top: 12 } as const;

/** One bar's geometry, as decimal strings: heights are scaled exactly from the amounts, never through a float. */
export interface CashflowBarBox {
  x: string;
  y: string;
  width: string;
  height: string;
  labelX: string;
}

/**
 * Lays out one bar per amount (weeks, then later or doubtful) in the chart's frame: the largest
 * amount fills the plot, and the axis label is that amount in whole units of the currency.
 */
export function layoutCashflowChart(amounts: readonly string[]): { axisMax: string; bars: CashflowBarBox[] } {
  const { width, height, left, bottom, top } = CASHFLOW_CHART;
  const max = amounts.reduce<Decimal>((m, a) => (dec(a).greaterThan(m) ? dec(a) : m), ZERO);
  const plot = height - bottom - top;
  const base = dec(height - bottom);
  const slot = dec(width - left).div(Math.max(1, amounts.length));
  const px = (x: Decimal) => roundDecimal(x, 1, 'middle').toFixed(1);
  const bars = amounts.map((a, i) => {
    const h = max.isZero() ? ZERO : roundDecimal(dec(a).div(max).times(plot), 1, 'middle');
    const start = slot.times(i).plus(left);
    return { x: px(start.plus(slot.times('0.15'))), y: base.minus(h).toFixed(1), width: px(slot.times('0.7')), height: h.toFixed(1), labelX: px(start.plus(slot.div(2))) };
  });
  return { axisMax: roundDecimal(max, 0, 'middle').toFixed(0), bars };
}
