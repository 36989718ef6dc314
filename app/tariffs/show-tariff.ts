import { z } from 'zod';
import { scopedTariffVersion } from '../../db/operator-books.ts';
import { tariffPlanSchema } from '../../tools/rating/tariff.types.ts';
import { defineOperation } from '../operation.ts';
import { tariffNameSchema, tariffVersionSchema } from './list-tariffs.ts';

/** One tariff version with its whole plan (the latest version unless one is named). */
export const showTariff = defineOperation({
  name: 'tariffs.show',
  summary: 'Show a tariff version',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ tariffName: tariffNameSchema.describe('tariff plan name'), version: z.number().int().positive().optional().describe('a version (default: the latest)') }).strict(),
  output: tariffVersionSchema.extend({ plan: tariffPlanSchema }),
  handler: (ctx, { tariffName, version }) => scopedTariffVersion(ctx.scope, tariffName, version),
});
