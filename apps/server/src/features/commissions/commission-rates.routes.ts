import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { getCommissionSettings, saveCommissionSettings, ZCommissionSettings } from './commission-settings';
import {
  ZAgreement,
  ZAgreementBody,
  ZGroupRate,
  ZGroupRateBody,
  ZIncomeRate,
  ZIncomeRateBody,
  ZRateGroup,
  ZRateGroupBody,
  ZRecipient,
  ZRecipientBody,
  ZRecipientPatch,
} from './commissions.schemas';
import { createRateGroup, deleteRate, listRateGroups, listRates, saveRate } from './rates';
import { createRecipient, listRecipients, updateRecipient } from './recipients';

const tags = ['Commissions'];
const items = <T extends z.ZodTypeAny>(schema: T) => json(z.object({ items: z.array(schema) }));
const ZTrashed = json(z.object({ trashId: z.uuid() }), 'In the trash');

// The three kinds of rate share one set of routes: list, create, replace, trash.
function rateRoutes(
  path: string,
  kind: 'income_rate' | 'group_rate' | 'partner_agreement',
  body: z.ZodTypeAny,
  out: z.ZodTypeAny,
  what: string,
) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path,
        tags,
        summary: `The ${what}`,
        permission: 'commissions:manage',
        responses: { 200: items(out) },
      }),
      async (c) => c.json(await listRates(c.get('deps'), contextOf(c), kind), 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path,
        tags,
        summary: `Add one of the ${what} (valid from/to)`,
        permission: 'commissions:manage',
        request: { body: jsonBody(body) },
        responses: { 201: json(out, 'Created') },
      }),
      async (c) => c.json(await saveRate(c.get('deps'), contextOf(c), kind, c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: `${path}/{id}`,
        tags,
        summary: `Replace one of the ${what}; lines already computed keep their terms`,
        permission: 'commissions:manage',
        request: { params: ZIdParam, body: jsonBody(body) },
        responses: { 200: json(out) },
      }),
      async (c) =>
        c.json(
          await saveRate(c.get('deps'), contextOf(c), kind, c.req.valid('json'), c.req.valid('param').id),
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: `${path}/{id}`,
        tags,
        summary: `Move one of the ${what} to the trash`,
        permission: 'commissions:manage',
        request: { params: ZIdParam },
        responses: { 200: ZTrashed },
      }),
      async (c) => c.json(await deleteRate(c.get('deps'), contextOf(c), kind, c.req.valid('param').id), 200),
    );
}

export const commissionRatesRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/settings',
      tags,
      summary: 'The letterhead on statements and the accounts of the DATEV export',
      permission: 'commissions:manage',
      responses: { 200: json(ZCommissionSettings) },
    }),
    async (c) => c.json(await getCommissionSettings(c.get('deps'), contextOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'put',
      path: '/commissions/settings',
      tags,
      summary: 'Replace the commission settings',
      permission: 'commissions:manage',
      request: { body: jsonBody(ZCommissionSettings) },
      responses: { 200: json(ZCommissionSettings) },
    }),
    async (c) => c.json(await saveCommissionSettings(c.get('deps'), contextOf(c), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/rate-groups',
      tags,
      summary: 'Rate groups',
      permission: 'commissions:manage',
      responses: { 200: items(ZRateGroup) },
    }),
    async (c) => c.json(await listRateGroups(c.get('deps'), contextOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/commissions/rate-groups',
      tags,
      summary: 'Create a rate group (advisors sharing rates)',
      permission: 'commissions:manage',
      request: { body: jsonBody(ZRateGroupBody) },
      responses: { 201: json(ZRateGroup, 'Created') },
    }),
    async (c) => c.json(await createRateGroup(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/recipients',
      tags,
      summary: 'Recipients of statements within the actor’s commission scope',
      permission: 'commissions:view',
      responses: { 200: items(ZRecipient) },
    }),
    async (c) => c.json(await listRecipients(c.get('deps'), contextOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/commissions/recipients',
      tags,
      summary: 'Add a recipient: a user of the firm, a partner or a tipster',
      permission: 'commissions:manage',
      request: { body: jsonBody(ZRecipientBody) },
      responses: { 201: json(ZRecipient, 'Created') },
    }),
    async (c) => c.json(await createRecipient(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/commissions/recipients/{id}',
      tags,
      summary: 'Change a recipient; issued statements keep what they printed',
      permission: 'commissions:manage',
      request: { params: ZIdParam, body: jsonBody(ZRecipientPatch) },
      responses: { 200: json(ZRecipient) },
    }),
    async (c) =>
      c.json(
        await updateRecipient(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .route(
    '/',
    rateRoutes(
      '/commissions/income-rates',
      'income_rate',
      ZIncomeRateBody,
      ZIncomeRate,
      'income rates of lenders and product providers',
    ),
  )
  .route(
    '/',
    rateRoutes(
      '/commissions/group-rates',
      'group_rate',
      ZGroupRateBody,
      ZGroupRate,
      'advisor and lead override rates by rate group',
    ),
  )
  .route(
    '/',
    rateRoutes(
      '/commissions/agreements',
      'partner_agreement',
      ZAgreementBody,
      ZAgreement,
      'partner and tipster agreements',
    ),
  );
