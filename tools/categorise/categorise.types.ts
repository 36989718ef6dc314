import { z } from 'zod';
import { serviceSchema } from '../cdr/usage-record.types.ts';
import { callCategorySchema, roamingSchema } from '../classify/classification.types.ts';

/**
 * The categoriser's deterministic half: what the switch fields say about a call that
 * classification could not classify, and a category suggested from a fixed pattern table. Free
 * text (notes, userfield) is data matched against patterns, never instructions.
 */

/** What extraction found in the switch fields; every value is a plain token (no spaces, no free text). */
export const callDetailsSchema = z
  .object({
    /** The number the switch dialled, as dialled (may carry + or 00), from a Dial/bridge target. */
    dialledNumber: z
      .string()
      .regex(/^\+?[0-9*#]{1,32}$/)
      .optional(),
    /** The trunk (peer, endpoint or gateway) the call went out on. */
    trunk: z
      .string()
      .regex(/^[A-Za-z0-9_.:+-]{1,64}$/)
      .optional(),
    /** The channel technology as the switch names it (SIP, PJSIP, IAX2, DAHDI, Local, sofia...). */
    technology: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/)
      .optional(),
    /** The last dialplan application (Asterisk lastapp, FreeSWITCH last_app), when it is a plain name. */
    application: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/)
      .optional(),
    /** How each value was found, one line each, built only from the tokens above. */
    evidence: z.array(z.string()),
  })
  .strict();
export type CallDetails = z.infer<typeof callDetailsSchema>;

/** How much a suggestion can be trusted: high needs the switch's own data, text alone is at most medium. */
export const confidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** Categories a suggestion may name: classification's own, except `unclassified` (which is no suggestion). */
export const suggestableCategorySchema = callCategorySchema.exclude(['unclassified']);
export type SuggestableCategory = z.infer<typeof suggestableCategorySchema>;

export const suggestCategoryInputSchema = z.object({
  notes: z.string().nullable().optional(),
  userfield: z.string().nullable().optional(),
  otherParty: z.string().nullable().optional(),
  extracted: callDetailsSchema.optional(),
});
export type SuggestCategoryInput = z.infer<typeof suggestCategoryInputSchema>;

export const categorySuggestionSchema = z
  .object({
    category: suggestableCategorySchema,
    service: serviceSchema.optional(),
    /** Only `outbound` can be suggested (a subscriber abroad); `inbound` needs network data. */
    roaming: roamingSchema.extract(['outbound']).optional(),
    confidence: confidenceSchema,
    evidence: z.array(z.string()).min(1),
  })
  .strict();
export type CategorySuggestion = z.infer<typeof categorySuggestionSchema>;
