import { z } from 'zod';
import { scopedTariffVersions } from '../../db/operator-books.ts';
import { defineOperation } from '../operation.ts';

/** A tariff plan name as imported (the plan's id). */
export const tariffNameSchema = z.string().regex(/^[^\s/\\][^/\\]{0,99}$/, 'a tariff name (no slashes, not starting with a space)');

/** A stored tariff version, without its plan. */
export const tariffVersionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  sourceFormat: z.string(),
  importedAt: z.string(),
});

/** The imported tariff versions, newest import first. */
export const listTariffs = defineOperation({
  name: 'tariffs.list',
  summary: 'List tariff versions',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ name: tariffNameSchema.optional().describe('one tariff plan') }).strict(),
  output: z.object({ tariffs: z.array(tariffVersionSchema) }),
  handler: (ctx, { name }) => ({ tariffs: scopedTariffVersions(ctx.scope, name) }),
});
