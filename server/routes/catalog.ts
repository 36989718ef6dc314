import { z } from 'zod';
import { importCatalog, listCatalogVersions, showCatalog } from '../../app/catalog/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Catalog versions: the one in effect, any by id, and importing one from its text (admins). */
export const catalogRoutes: RouteSpec[] = [
  defineRoute({ op: showCatalog, method: 'get', path: '/catalog', tags: ['catalog'], query: showCatalog.input.pick({ on: true }) }),
  defineRoute({ op: listCatalogVersions, method: 'get', path: '/catalog/versions', tags: ['catalog'] }),
  defineRoute({
    op: showCatalog,
    method: 'get',
    path: '/catalog/versions/{catalogVersion}',
    tags: ['catalog'],
    params: z.object({ catalogVersion: z.string().regex(/^\d{1,15}$/, 'a catalog version id') }),
    toInput: ({ params: p }) => ({ catalogVersion: Number(p.catalogVersion) }),
  }),
  defineRoute({ op: importCatalog, method: 'post', path: '/catalog', tags: ['catalog'], status: 201, idempotent: true }),
] as RouteSpec[];
