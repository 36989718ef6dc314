import { z } from 'zod';
import { importTariff, listTariffs, showTariff, tariffNameSchema } from '../../app/tariffs/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Tariff versions, and importing one from its text (admins). */
export const tariffRoutes: RouteSpec[] = [
  defineRoute({ op: listTariffs, method: 'get', path: '/tariffs', tags: ['tariffs'], query: listTariffs.input }),
  defineRoute({
    op: showTariff,
    method: 'get',
    path: '/tariffs/{tariffName}',
    tags: ['tariffs'],
    params: z.object({ tariffName: tariffNameSchema }),
    query: z.object({ version: z.number().int().positive().optional().describe('a version (default: the latest)') }),
  }),
  defineRoute({ op: importTariff, method: 'post', path: '/tariffs', tags: ['tariffs'], status: 201, idempotent: true }),
] as RouteSpec[];
