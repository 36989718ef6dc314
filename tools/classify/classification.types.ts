import { z } from 'zod';

/** Call types Switchboard assigns; `unclassified` is never a guess, it always carries a reason. */
export const CALL_CATEGORIES = ['on_net', 'local', 'national', 'mobile', 'international', 'toll_free', 'premium_rate', 'emergency', 'short_code', 'data', 'unclassified'] as const;
export const callCategorySchema = z.enum(CALL_CATEGORIES);
export type CallCategory = z.infer<typeof callCategorySchema>;

/** Roaming as its own attribute: our subscriber abroad (outbound) or a visitor on our network (inbound). */
export const ROAMINGS = ['none', 'outbound', 'inbound'] as const;
export const roamingSchema = z.enum(ROAMINGS);
export type Roaming = z.infer<typeof roamingSchema>;

/** The operator's numbering plan and network facts classification depends on. Stored in the database (`switchboard config set`). */
export const operatorSettingsSchema = z
  .object({
    /** Tenant the records belong to (CGRateS tenant for rating-profile lookup). */
    tenant: z.string().min(1).max(64).default('switchboard.local'),
    /** ISO 3166 alpha-2 of the operator's home country. */
    homeCountry: z.string().length(2).toUpperCase().default('GB'),
    /** IANA zone the switches write local timestamps in. */
    timezone: z.string().min(1).default('UTC'),
    /** MCC-MNC codes of the operator's own networks (roaming detection). */
    homeNetworks: z.array(z.string().regex(/^\d{5,6}$/)).default([]),
    /** E.164 prefixes (digits, no +) of numbers the operator itself serves: calls to them are on-net. */
    onNetPrefixes: z.array(z.string().regex(/^\d{1,15}$/)).default([]),
    /** National-significant-number prefixes counted as local (the operator's own area codes). */
    localAreaPrefixes: z.array(z.string().regex(/^\d{1,10}$/)).default([]),
    /** Internal extensions (PBX): inclusive numeric ranges such as "1000-1999", or single numbers. */
    internalExtensions: z.array(z.string().regex(/^\d{1,8}(-\d{1,8})?$/)).default([]),
    /** Access codes a switch may leave in front of a dialled number (e.g. "9" for an outside line), stripped before analysis. */
    trunkPrefixes: z.array(z.string().regex(/^[\d*#]{1,6}$/)).default([]),
    /** Emergency numbers; the defaults cover EU (112), UK (999), NANP (911) and others. */
    emergencyNumbers: z.array(z.string().regex(/^\d{2,6}$/)).default(['112', '911', '999', '000', '110', '119', '120', '118', '100', '101', '102', '15', '17', '18']),
    /** Dialled strings of at most this many digits that are not emergency numbers are short codes. */
    shortCodeMaxDigits: z.number().int().min(3).max(8).default(6),
    // Call direction of switch records (tools/classify/decide-direction.ts, docs/cdr-formats.md
    // "Call direction"): contexts first, then the operator's own number ranges (onNetPrefixes,
    // internalExtensions). Context names match exactly (case-sensitive, as the switch writes them).
    /** Switch contexts (Asterisk dcontext, FreeSWITCH context) of calls arriving from other networks: the called line is the subscriber. */
    inboundContexts: z.array(z.string().min(1).max(80)).default(['from-pstn', 'from-trunk', 'public']),
    /** Contexts of calls our own subscribers and extensions place: the caller is the subscriber (on-net when the called number is ours too). */
    outboundContexts: z.array(z.string().min(1).max(80)).default(['from-subscribers', 'from-internal', 'default']),
    /** Contexts of calls between our own lines only: on-net whatever the numbers look like. */
    internalContexts: z.array(z.string().min(1).max(80)).default(['ext-local']),
    /** Contexts of traffic handed from one carrier to another through the switch: transit, never a subscriber's usage. */
    transitContexts: z.array(z.string().min(1).max(80)).default([]),
    /** Day of the month (1-28, in the operator's time zone) the scheduled worker bills the month before; unset means the 1st. */
    billingDay: z.number().int().min(1).max(28).optional(),
    // Plausibility limits of ingest (tools/cdr/check-record-plausibility.ts); unset means the
    // documented default there (docs/cdr-formats.md, "Plausibility").
    /** A record starting more than this many days before ingest is quarantined (TIME_TOO_OLD). */
    maxRecordAgeDays: z.number().int().min(1).optional(),
    /** Seconds a time may lie after ingest (switch clock drift) before it is TIME_IN_FUTURE. */
    maxFutureSkewSeconds: z.number().int().min(0).optional(),
    /** Seconds billsec and duration may differ from the record's own stamps (DURATION_MISMATCH beyond). */
    durationToleranceSeconds: z.number().int().min(0).optional(),
    /** The longest plausible call in seconds (DURATION_TOO_LONG beyond). */
    maxCallSeconds: z.number().int().min(1).optional(),
  })
  .strict();
export type OperatorSettings = z.infer<typeof operatorSettingsSchema>;

/** The outcome of classifying one usage record. */
export interface Classification {
  category: CallCategory;
  roaming: Roaming;
  /** The other party normalised to E.164 digits without "+", or the dialled string for short codes and on-net extensions; null when unknown. */
  destination: string | null;
  /** ISO 3166 alpha-2 of the destination when known (international analysis). */
  destinationCountry: string | null;
  /** Why the record is unclassified; null otherwise. */
  reason: string | null;
}

/**
 * Whether a record waits for the categoriser: an unclassified call or message our subscriber made.
 * Inbound and transit records are priced without the other party's category (rate-event.ts), so a
 * caller no rule classifies (a withheld or foreign number) never holds them, or an invoice, back.
 */
export function awaitsCategory(direction: string, category: CallCategory): boolean {
  return category === 'unclassified' && direction !== 'inbound' && direction !== 'transit';
}
