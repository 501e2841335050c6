import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { ZPage } from '../../platform/pagination';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { assignCase } from './assign-case';
import { caseBoard, ZBoard, ZBoardQuery } from './case-board';
import { ZAssign, ZCase, ZCreateCase, ZStageMoveInput, ZUpdateCase } from './cases.schemas';
import { createCase } from './create-case';
import { deleteCase, getCase, listCases, restoreCase, updateCase, ZCaseListQuery } from './manage-cases';
import { moveCaseStage } from './move-case-stage';

const tags = ['Cases'];
const ZCaseWithHistory = ZCase.extend({
  stageHistory: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      lossReason: z.string().nullable(),
      at: z.string(),
      by: z.uuid().nullable(),
      onBehalfOf: z.uuid().nullable(),
    }),
  ),
});

export const casesRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/cases',
      tags,
      summary: 'Cases within your scope (owned, executed or co-executed for advisors), newest first',
      permission: 'cases:view',
      request: { query: ZCaseListQuery },
      responses: { 200: json(ZPage(ZCase)) },
    }),
    async (c) => c.json(await listCases(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/cases/board',
      tags,
      summary: 'A pipeline as a board: per stage the count of cases in your scope and the latest moved ones',
      permission: 'cases:view',
      request: { query: ZBoardQuery },
      responses: { 200: json(ZBoard) },
    }),
    async (c) => c.json(await caseBoard(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases',
      tags,
      summary: 'Open a case; it starts in the first stage of the default pipeline of its product kind',
      permission: 'cases:create',
      request: { body: jsonBody(ZCreateCase) },
      responses: { 201: json(ZCase, 'Created') },
    }),
    async (c) => c.json(await createCase(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/cases/{id}',
      tags,
      summary: 'One case with its stage history',
      permission: 'cases:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZCaseWithHistory) },
    }),
    async (c) => c.json(await getCase(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/cases/{id}',
      tags,
      summary: 'Change a case’s data, applicants and co-executors',
      permission: 'cases:edit',
      request: { params: ZIdParam, body: jsonBody(ZUpdateCase) },
      responses: { 200: json(ZCase) },
    }),
    async (c) =>
      c.json(
        await updateCase(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/cases/{id}',
      tags,
      summary: 'Move a case to the trash',
      permission: 'cases:delete',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteCase(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/restore',
      tags,
      summary: 'Restore a deleted case',
      permission: 'cases:delete',
      request: { params: ZIdParam },
      responses: { 200: json(ZCase) },
    }),
    async (c) => c.json(await restoreCase(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/stage',
      tags,
      summary: 'Move a case to a stage; 422 stage_move_refused names missing fields or skipped stages',
      permission: 'cases:edit',
      request: { params: ZIdParam, body: jsonBody(ZStageMoveInput) },
      responses: { 200: json(ZCase) },
    }),
    async (c) =>
      c.json(
        await moveCaseStage(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/assign',
      tags,
      summary: 'Hand a case to a new owner and/or executor; a new executor is told by e-mail',
      permission: 'cases:edit',
      request: { params: ZIdParam, body: jsonBody(ZAssign) },
      responses: { 200: json(ZCase) },
    }),
    async (c) =>
      c.json(
        await assignCase(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
