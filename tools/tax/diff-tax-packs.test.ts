import { describe, expect, it } from 'vitest';
import july from './packs/updates/eu-vat-2025-07.json' with { type: 'json' };
import august from './packs/updates/eu-vat-2025-08.json' with { type: 'json' };
import { diffTaxPacks } from './diff-tax-packs.ts';
import { builtInTaxPacks } from './parse-tax-pack.ts';
import { checkTaxPackUpdate, parseTaxPackUpdate } from './parse-tax-pack-update.ts';
import type { TaxPack } from './tax-pack.types.ts';

const v0725 = parseTaxPackUpdate(july, 'eu-vat-2025-07.json');
const v0825 = parseTaxPackUpdate(august, 'eu-vat-2025-08.json');
const builtIn = builtInTaxPacks().find((p) => p.id === 'eu-vat')!;

function edit(pack: TaxPack, fn: (p: TaxPack) => void): TaxPack {
  const copy = structuredClone(pack) as TaxPack;
  fn(copy);
  return copy;
}

describe('diffTaxPacks', () => {
  it('finds the Romanian change of Law 141/2025 and nothing else between the shipped versions', () => {
    const diff = diffTaxPacks(v0725.pack, v0825.pack);
    expect(diff.changes.map((c) => c.words)).toEqual(['VAT (Romania) (EU-VAT-RO): 19% -> 21% from 2025-08-01']);
    expect(diff.changes[0]).toMatchObject({ kind: 'rate', taxId: 'EU-VAT-RO', from: '2025-08-01', to: null, before: '19%', after: '21%' });
    expect(diff.changes[0]!.source).toContain('Legea 141/2025');
    expect(diff.firstRateChange).toBe('2025-08-01');
  });

  it('keeps the shipped latest version equal to the built-in pack (the example cannot drift from what bills)', () => {
    expect(diffTaxPacks(builtIn, v0825.pack).changes).toEqual([]);
  });

  it('names a temporary change with its end, a new rule, a removed rule and changed fields', () => {
    const changed = edit(builtIn, (p) => {
      const de = p.rules.find((r) => r.taxId === 'EU-VAT-DE')!;
      const last = de.versions.at(-1)!;
      last.to = '2027-01-01';
      de.versions.push({ ...last, from: '2027-01-01', to: '2027-07-01', ratePercent: '17' } as never, { ...last, from: '2027-07-01', to: null } as never);
      p.rules = p.rules.filter((r) => r.taxId !== 'EU-VAT-MT');
      p.rules.push({
        ...structuredClone(p.rules[0]!),
        taxId: 'EU-FEE-X',
        name: 'Levy X',
        versions: [{ from: '2027-01-01', to: null, ratePercent: '1', source: 'an imaginary levy act art. 1', checked: '2026-12-01' }],
      } as never);
      p.roundingMethod = 'half_even';
    });
    const words = diffTaxPacks(builtIn, changed).changes.map((c) => c.words);
    expect(words).toContain('VAT (Germany) (EU-VAT-DE): 19% -> 17% from 2027-01-01 until 2027-07-01');
    expect(words).toContain('Levy X (EU-FEE-X) added: 1% from 2027-01-01');
    expect(words).toContain('VAT (Malta) (EU-VAT-MT) removed');
    expect(words).toContain('pack roundingMethod: half_up -> half_even');
    expect(diffTaxPacks(builtIn, changed).firstRateChange).toBe('2027-01-01');
  });
});

describe('checkTaxPackUpdate', () => {
  it('accepts a version whose changes start on its effective date', () => {
    expect(checkTaxPackUpdate(v0725.pack, v0825).changes).toHaveLength(1);
  });

  it('refuses a version that rewrites a rate before its effective date', () => {
    const late = { ...v0825, effectiveFrom: '2025-09-01' };
    expect(() => checkTaxPackUpdate(v0725.pack, late)).toThrow(/changes rates before its effective date 2025-09-01: VAT \(Romania\)/);
  });

  it('refuses a file whose pack is not the pack it names', () => {
    expect(() => parseTaxPackUpdate({ ...august, packId: 'gb-vat' })).toThrow(/pack.id must be the packId/);
  });
});

describe('required invoice fields in a pack update', () => {
  const rule = { field: 'buyer.email' as const, customers: 'consumer' as const, from: '2025-08-01', source: 'Example Regulation 2025 reg. 3' };

  it('names a required field added, moved and removed, in words, with its source', () => {
    const added = edit(v0725.pack, (p) => {
      p.requiredFields = [rule];
    });
    expect(diffTaxPacks(v0725.pack, added).changes).toEqual([
      expect.objectContaining({
        kind: 'required_field',
        field: 'buyer.email',
        from: '2025-08-01',
        source: rule.source,
        words: 'required invoice field buyer.email (consumer customers) from 2025-08-01 added',
      }),
    ]);
    const moved = edit(added, (p) => {
      p.requiredFields = [{ ...rule, from: '2025-09-01' }];
    });
    expect(diffTaxPacks(added, moved).changes.map((c) => c.words)).toEqual(['required invoice field buyer.email (consumer customers) from 2025-09-01 (was from 2025-08-01)']);
    expect(diffTaxPacks(added, v0725.pack).changes.map((c) => c.words)).toEqual(['required invoice field buyer.email (consumer customers) from 2025-08-01 removed']);
  });

  it('refuses a version that requires a field before its effective date (issued invoices would fail their check)', () => {
    const early = { ...v0825, pack: edit(v0825.pack, (p) => void (p.requiredFields = [{ ...rule, from: '2025-07-15' }])) };
    expect(() => checkTaxPackUpdate(v0725.pack, early)).toThrow(/before its effective date 2025-08-01: required invoice field buyer.email/);
    const onTime = { ...v0825, pack: edit(v0825.pack, (p) => void (p.requiredFields = [rule])) };
    expect(
      checkTaxPackUpdate(v0725.pack, onTime)
        .changes.map((c) => c.kind)
        .sort(),
    ).toEqual(['rate', 'required_field']);
  });
});
