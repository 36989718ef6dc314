import { describe, expect, it } from 'vitest';
import { CASHFLOW_CHART, layoutCashflowChart } from './layout-cashflow-chart.ts';

describe('layoutCashflowChart', () => {
  it('scales bars exactly to the largest amount and labels the axis in whole units', () => {
    const { axisMax, bars } = layoutCashflowChart(['100.00', '50.00', '0.00', '33.33']);
    const plot = CASHFLOW_CHART.height - CASHFLOW_CHART.bottom - CASHFLOW_CHART.top;
    expect(axisMax).toBe('100');
    expect(bars.map((b) => b.height)).toEqual([`${plot}.0`, '100.0', '0.0', '66.7']);
    expect(bars[0]).toMatchObject({ x: '88.6', y: '12.0', width: '114.8', labelX: '146.0' });
  });

  it('draws nothing tall when every amount is zero', () => {
    expect(layoutCashflowChart(['0.00', '0.00']).bars.map((b) => b.height)).toEqual(['0.0', '0.0']);
  });
});
