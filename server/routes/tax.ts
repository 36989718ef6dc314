import { z } from 'zod';
import { diffTaxPack, importTaxPack, listTaxPacks, previewTaxPack, proposeTaxPackAdoption } from '../../app/tax/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const versionParams = z.object({ packId: diffTaxPack.input.shape.packId, version: diffTaxPack.input.shape.version });
type VersionParams = z.infer<typeof versionParams>;

/** Tax and regulatory pack versions (docs/taxes.md, "Rule updates"): list, import, diff, preview, propose adoption. */
export const taxRoutes: RouteSpec[] = [
  defineRoute({ op: listTaxPacks, method: 'get', path: '/tax-packs', tags: ['tax'], query: listTaxPacks.input }),
  defineRoute({ op: importTaxPack, method: 'post', path: '/tax-packs/versions', tags: ['tax'], body: importTaxPack.input }),
  defineRoute({
    op: diffTaxPack,
    method: 'get',
    path: '/tax-packs/{packId}/versions/{version}/diff',
    tags: ['tax'],
    params: versionParams,
    query: diffTaxPack.input.pick({ against: true }),
    toInput: ({ params, query }) => ({ ...(query as object), ...(params as VersionParams) }),
  }),
  defineRoute({
    op: previewTaxPack,
    method: 'get',
    path: '/tax-packs/{packId}/versions/{version}/preview',
    tags: ['tax'],
    params: versionParams,
    query: previewTaxPack.input.pick({ period: true }),
    toInput: ({ params, query }) => ({ ...(query as object), ...(params as VersionParams) }),
  }),
  defineRoute({
    op: proposeTaxPackAdoption,
    method: 'post',
    path: '/tax-packs/{packId}/versions/{version}/adoption',
    tags: ['tax'],
    params: versionParams,
    body: proposeTaxPackAdoption.input.pick({ reason: true }),
    toInput: ({ params, body }) => ({ ...(body as object), ...(params as VersionParams) }),
  }),
] as RouteSpec[];
