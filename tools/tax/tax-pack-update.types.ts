import { z } from 'zod';
import { calendarDateSchema } from '../schemas/index.ts';
import { taxPackSchema } from './tax-pack.types.ts';

/**
 * A new version of a tax or regulatory pack, as an operator imports it (docs/taxes.md, "Rule
 * updates"): the whole pack as it stands from `effectiveFrom`, with the official sources of the
 * change. A version may not change any rate before its effective date: invoices already billed
 * under the earlier version must come out the same.
 */
export const taxPackUpdateSchema = z
  .object({
    packId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    /** The version's label, e.g. "2025-08" (unique per pack). */
    version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, 'a version label such as "2025-08"'),
    /** The first day bills use the version's changes. */
    effectiveFrom: calendarDateSchema,
    /** What changes, in one or two sentences (shown to the approver beside the computed diff). */
    summary: z.string().min(10),
    /** The official texts behind the change (law, decree, authority notice). */
    sources: z.array(z.object({ title: z.string().min(5), url: z.url(), published: calendarDateSchema.optional() }).strict()).min(1),
    pack: taxPackSchema,
  })
  .strict()
  .refine((u) => u.pack.id === u.packId, { message: 'pack.id must be the packId of the update', path: ['pack', 'id'] });
export type TaxPackUpdate = z.infer<typeof taxPackUpdateSchema>;

/** What kind of change a diff line is. */
export const TAX_PACK_CHANGE_KINDS = ['rate', 'rule_added', 'rule_removed', 'rule_field', 'treatment', 'pack_field', 'required_field', 'source'] as const;
export type TaxPackChangeKind = (typeof TAX_PACK_CHANGE_KINDS)[number];

/** One difference between two versions of a pack, with its words. */
export interface TaxPackChange {
  kind: TaxPackChangeKind;
  /** The rule or treatment it is about (a tax id), or null for the pack itself. */
  taxId: string | null;
  /** The field that changed (ratePercent, feePerLine, classes, countries...). */
  field: string;
  /** For a rate: the days it differs on, [from, to) (to null: open-ended). */
  from: string | null;
  to: string | null;
  before: string | null;
  after: string | null;
  /** The source the new version cites for it, when it has one. */
  source: string | null;
  words: string;
}

/** The differences between two versions of one pack. */
export interface TaxPackDiff {
  packId: string;
  changes: TaxPackChange[];
  /** The first day on which any rate or fee differs (null when none does). */
  firstRateChange: string | null;
}
