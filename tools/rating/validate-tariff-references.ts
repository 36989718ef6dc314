import { tariffPlanSchema, type TariffPlan, type Timing } from './tariff.types.ts';
import { type TariffLocation, type TariffSection, type TariffLocator, formatLocation, tariffError, checkTariffId, errorMessage } from './parse-tariff-fields.ts';

/** The timing defaults of both formats ("*any" everything, whole day). */
export const ANY_TIMING: Timing = { years: '*any', months: '*any', monthDays: '*any', weekDays: '*any', startTime: '00:00:00', endTime: null };

// ---------------------------------------------------------------------------------------------
// Cross references

const has = (record: Record<string, unknown>, key: string): boolean => Object.hasOwn(record, key);

/**
 * Checks every reference of a plan: rating-plan rows name existing DestinationRates and Timings
 * (or "*any"); destination-rate rows name existing Destinations (or "*any") and Rates; profiles name
 * existing RatingPlans; no two profiles share tenant, category, subject and activation time; ids are
 * not reserved. Throws one INVALID_TARIFF error (the first problem in the message, all of them in
 * details.problems). Returns warnings for definitions nothing uses.
 */
export function validateTariffReferences(plan: TariffPlan, locate: TariffLocator): { messages: string[] } {
  const problems: { location: TariffLocation; message: string; details: Record<string, unknown> }[] = [];
  const problem = (location: TariffLocation, message: string, details: Record<string, unknown>): void => {
    problems.push({ location, message, details });
  };

  for (const [section, record] of [
    ['destinations', plan.destinations],
    ['rates', plan.rates],
    ['destinationRates', plan.destinationRates],
    ['timings', plan.timings],
    ['ratingPlans', plan.ratingPlans],
  ] as const) {
    for (const id of Object.keys(record)) {
      try {
        checkTariffId(id, section);
      } catch (err) {
        problem(locate(section, id), errorMessage(err), { section, id });
      }
    }
  }

  const usedDestinations = new Set<string>();
  const usedRates = new Set<string>();
  const usedDestinationRates = new Set<string>();
  const usedTimings = new Set<string>();
  const usedPlans = new Set<string>();

  for (const [id, rows] of Object.entries(plan.destinationRates)) {
    rows.forEach((row, index) => {
      if (row.destinationId !== '*any') {
        usedDestinations.add(row.destinationId);
        if (!has(plan.destinations, row.destinationId)) {
          problem(locate('destinationRates', id, index), `DestinationRates ${id} names unknown destination "${row.destinationId}"`, {
            id,
            reference: row.destinationId,
          });
        }
      }
      usedRates.add(row.rateId);
      if (!has(plan.rates, row.rateId)) {
        problem(locate('destinationRates', id, index), `DestinationRates ${id} names unknown Rates id "${row.rateId}"`, {
          id,
          reference: row.rateId,
        });
      }
    });
  }

  for (const [id, rows] of Object.entries(plan.ratingPlans)) {
    rows.forEach((row, index) => {
      usedDestinationRates.add(row.destinationRateId);
      if (!has(plan.destinationRates, row.destinationRateId)) {
        problem(locate('ratingPlans', id, index), `RatingPlan ${id} names unknown DestinationRates id "${row.destinationRateId}"`, {
          id,
          reference: row.destinationRateId,
        });
      }
      if (row.timingId !== '*any') {
        usedTimings.add(row.timingId);
        if (!has(plan.timings, row.timingId)) {
          problem(locate('ratingPlans', id, index), `RatingPlan ${id} names unknown timing "${row.timingId}"`, {
            id,
            reference: row.timingId,
          });
        }
      }
    });
  }

  const seenProfiles = new Map<string, number>();
  plan.ratingProfiles.forEach((p, index) => {
    const id = `${p.tenant}:${p.category}:${p.subject}`;
    usedPlans.add(p.ratingPlanId);
    if (!has(plan.ratingPlans, p.ratingPlanId)) {
      problem(locate('ratingProfiles', String(index)), `rating profile ${id} names unknown RatingPlan "${p.ratingPlanId}"`, {
        id,
        reference: p.ratingPlanId,
      });
    }
    const key = `${id}\u0000${p.activationTime}`;
    const earlier = seenProfiles.get(key);
    if (earlier !== undefined) {
      const first = locate('ratingProfiles', String(earlier));
      problem(locate('ratingProfiles', String(index)), `rating profile ${id} has a second plan for activation time ${new Date(p.activationTime).toISOString()} (first at ${formatLocation(first)})`, {
        id,
        activationTime: p.activationTime,
      });
    } else {
      seenProfiles.set(key, index);
    }
  });

  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw tariffError(first.location, `${first.message}${more}`, {
      ...first.details,
      problems: problems.map((p) => `${formatLocation(p.location)}: ${p.message}`),
    });
  }

  const messages: string[] = [];
  const unused = (section: TariffSection, ids: string[], used: Set<string>, by: string): void => {
    for (const id of ids) {
      if (!used.has(id)) messages.push(`${formatLocation(locate(section, id))}: ${id} is not used by any ${by}`);
    }
  };
  unused('destinations', Object.keys(plan.destinations), usedDestinations, 'DestinationRates');
  unused('rates', Object.keys(plan.rates), usedRates, 'DestinationRates');
  unused('destinationRates', Object.keys(plan.destinationRates), usedDestinationRates, 'RatingPlan');
  unused('timings', Object.keys(plan.timings), usedTimings, 'RatingPlan');
  unused('ratingPlans', Object.keys(plan.ratingPlans), usedPlans, 'rating profile');
  for (const [id, slots] of Object.entries(plan.rates)) {
    const start = slots[0]?.groupIntervalStart ?? 0;
    if (start !== 0) messages.push(`${formatLocation(locate('rates', id, 0))}: Rates ${id} has no slot starting at 0 (first starts at ${start})`);
  }
  return { messages };
}

/**
 * The last step of both formats: the plan must satisfy the canonical zod schema. A failure here is
 * reported at the definition the zod path points to.
 */
export function checkCanonicalPlan(plan: TariffPlan, locate: TariffLocator, fallback: TariffLocation): TariffPlan {
  const parsed = tariffPlanSchema.safeParse(plan);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const [section, id, index] = path;
  const sections: readonly string[] = ['destinations', 'rates', 'destinationRates', 'timings', 'ratingPlans', 'ratingProfiles'];
  let location = fallback;
  if (typeof section === 'string' && sections.includes(section) && (typeof id === 'string' || typeof id === 'number')) {
    location = locate(section as TariffSection, String(id), typeof index === 'number' ? index : undefined);
  }
  throw tariffError(location, `not a valid tariff plan: ${issue?.message ?? 'invalid'} at ${path.map(String).join('.') || '(root)'}`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}
