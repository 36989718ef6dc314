import { describe, expect, it } from 'vitest';
import { Money } from './components.tsx';

describe('Money', () => {
  it('formats an amount in its currency, the exact decimal in its title', () => {
    const html = String(Money({ value: '1234.5', currency: 'GBP' }));
    expect(html).toContain('title="1234.5 GBP"');
    expect(html).toContain('£1,234.50');
  });

  it('says "no amount" for ISO 4217\'s no-currency code (a tax pack adoption proposal) instead of failing the page', () => {
    expect(String(Money({ value: '0', currency: 'XXX' }))).toBe('<span class="money" title="0 XXX (no currency)">no amount</span>');
  });
});
