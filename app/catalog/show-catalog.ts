import { z } from 'zod';
import { scopedCatalogVersion } from '../../db/operator-books.ts';
import { calendarDateSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { catalogVersionSchema } from './list-catalog-versions.ts';

/** The plans, promotions, discounts, one-time charges and rate multipliers of a catalog version. */
const catalogContentSchema = z.record(z.string(), z.unknown()).describe('the catalog as imported (see docs/catalog.md)');

/** A catalog version with its content: by id, or the one in effect on a day (today by default). */
export const showCatalog = defineOperation({
  name: 'catalog.show',
  summary: 'Show a catalog version',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      catalogVersion: z.number().int().positive().optional().describe('catalog version id (default: the one in effect)'),
      on: calendarDateSchema.optional().describe('the day the catalog is in effect on (default: today)'),
    })
    .strict(),
  output: catalogVersionSchema.extend({ catalog: catalogContentSchema }),
  handler: (ctx, { catalogVersion, on }) => scopedCatalogVersion(ctx.scope, catalogVersion !== undefined ? { id: catalogVersion } : { date: on ?? ctx.clock.today() }),
});
