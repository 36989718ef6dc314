import { z } from 'zod';
import { scopedCatalogVersions } from '../../db/operator-books.ts';
import { defineOperation } from '../operation.ts';

/** A stored catalog version, without its content. */
export const catalogVersionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  importedAt: z.string(),
});

/** The imported catalog versions in the order they take effect. */
export const listCatalogVersions = defineOperation({
  name: 'catalog.list',
  summary: 'List catalog versions',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({}).strict(),
  output: z.object({ versions: z.array(catalogVersionSchema) }),
  handler: (ctx) => ({ versions: scopedCatalogVersions(ctx.scope) }),
});
