import { describe, expect, it } from 'vitest';
import { summarizeUsageFigures, type UsageFigureGroup } from './summarize-usage-figures.ts';

const group = (g: Partial<UsageFigureGroup>): UsageFigureGroup => ({ bucket: 0, service: 'voice', category: 'mobile', status: 'rated', currency: 'GBP', cost: '0.1', events: 1, usage: '60000', ...g });

describe('summarizeUsageFigures', () => {
  it('adds costs exactly, cost times count, where floats would drift', () => {
    // 0.1 + 0.2 in binary floats is 0.30000000000000004; three of 0.1 is 0.30000000000000004 too.
    const f = summarizeUsageFigures([group({ cost: '0.1', events: 3 }), group({ cost: '0.2', events: 1, bucket: 1 }), group({ cost: '0.00001', events: 7, bucket: 1 })]);
    expect(f.rated).toEqual([{ currency: 'GBP', amount: '0.50007' }]);
    expect(f.byBucket).toEqual([
      { bucket: 0, currency: 'GBP', events: 3, amount: '0.3' },
      { bucket: 1, currency: 'GBP', events: 8, amount: '0.20007' },
    ]);
  });

  it('shows voice in minutes, SMS in messages and data in MB, per service and category', () => {
    const f = summarizeUsageFigures([
      group({ usage: '90000', events: 2 }),
      group({ usage: '30001', events: 1, cost: '0.05' }),
      group({ service: 'sms', usage: '4', events: 4 }),
      group({ service: 'data', category: 'data', usage: '1234567', events: 1 }),
    ]);
    expect(f.byCategory.map((c) => [c.service, c.category, c.quantity, c.unit, c.events])).toEqual([
      ['data', 'data', '1.23', 'MB', 1],
      ['sms', 'mobile', '4', 'messages', 4],
      ['voice', 'mobile', '2.00', 'minutes', 3],
    ]);
    expect(f.events).toBe(8);
  });

  it('counts only rated events with a cost towards amounts, keeps currencies apart', () => {
    const f = summarizeUsageFigures([
      group({ status: 'unrated', cost: null, currency: null, events: 5 }),
      group({ status: 'rating_failed', cost: null, currency: null, events: 1 }),
      group({ currency: 'EUR', cost: '1.25', events: 2 }),
      group({ cost: '2', events: 1 }),
    ]);
    expect(f.rated).toEqual([
      { currency: 'EUR', amount: '2.5' },
      { currency: 'GBP', amount: '2' },
    ]);
    expect(f.byCategory[0]).toMatchObject({ events: 9, ratedEvents: 3 });
  });

  it('is empty for no groups', () => {
    expect(summarizeUsageFigures([])).toEqual({ events: 0, byCategory: [], byBucket: [], rated: [] });
  });
});
