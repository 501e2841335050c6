import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { contextOf, defineRoute, newRouter, type TEnv } from '../../platform/http';
import { ZPage, ZPageQuery } from '../../platform/pagination';
import { json, jsonBody, ZDate, ZIdParam } from '../../platform/schemas';
import { ZMoney } from '../cases/cases.schemas';
import { listBalances } from './balances';
import {
  cancelCaseCommission,
  confirmCaseCommission,
  getCaseCommission,
  proposeCaseCommission,
} from './case-commission';
import {
  ZAddLine,
  ZCancelBody,
  ZCaseCommission,
  ZCorrectLine,
  ZLineParams,
  ZPayment,
  ZPaymentBody,
  ZProposeBody,
  ZSplitLine,
} from './commissions.schemas';
import { exportStatements } from './exports';
import { addLine, correctLine, listPayments, recordPayment, splitCaseLine } from './line-edits';
import { commissionSummary, openReceivables, ZReportQuery } from './reports';
import { runStatements, ZRunBody } from './statement-run';
import { getStatement, listStatements, resendStatement, statementFile } from './statements';

const tags = ['Commissions'];
const caseCommission = { 200: json(ZCaseCommission) };

// A download: the bytes with their type and a file name.
const file = (c: Context<TEnv>, f: { filename: string; content: Buffer | Uint8Array; contentType: string }) =>
  c.body(new Uint8Array(f.content), 200, {
    'content-type': f.contentType,
    'content-disposition': `attachment; filename="${f.filename}"`,
    'cache-control': 'private, no-store',
  });
const binary = (type: string) => ({
  description: 'The file',
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
});

const ZStatement = z.object({
  id: z.uuid(),
  number: z.string(),
  recipientId: z.uuid(),
  recipientName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  issuedOn: z.string(),
  net: ZMoney,
  vat: ZMoney,
  gross: ZMoney,
  heldBack: ZMoney,
  delivery: z.object({
    status: z.enum(['pending', 'sent', 'failed', 'no_address']),
    attempts: z.number(),
    lastError: z.string().nullable(),
  }),
});
const ZBalance = z.object({
  recipientId: z.uuid(),
  recipientName: z.string(),
  asOf: z.string(),
  earned: ZMoney,
  payable: ZMoney,
  paid: ZMoney,
  heldBack: ZMoney,
  clawedBack: ZMoney,
});

const caseRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/cases/{id}/commission',
      tags,
      summary: 'A won case’s commission lines (advisors see their own lines only)',
      permission: 'commissions:view',
      request: { params: ZIdParam },
      responses: caseCommission,
    }),
    async (c) => c.json(await getCaseCommission(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/commission/proposal',
      tags,
      summary: 'Propose the lines of a won case from the rates valid on its date of win',
      permission: 'commissions:edit',
      request: { params: ZIdParam, body: jsonBody(ZProposeBody) },
      responses: caseCommission,
    }),
    async (c) =>
      c.json(
        await proposeCaseCommission(
          c.get('deps'),
          contextOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/commission/confirm',
      tags,
      summary: 'Confirm the proposed lines: they reach the next statements',
      permission: 'commissions:edit',
      request: { params: ZIdParam },
      responses: caseCommission,
    }),
    async (c) =>
      c.json(await confirmCaseCommission(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/commission/lines',
      tags,
      summary: 'Add a line by hand (e.g. a fixed sum for a helping colleague), with a reason',
      permission: 'commissions:edit',
      request: { params: ZIdParam, body: jsonBody(ZAddLine) },
      responses: caseCommission,
    }),
    async (c) =>
      c.json(await addLine(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/cases/{id}/commission/lines/{lineId}',
      tags,
      summary: 'Correct a line with a reason (audited); the next statement settles the difference',
      permission: 'commissions:edit',
      request: { params: ZLineParams, body: jsonBody(ZCorrectLine) },
      responses: caseCommission,
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await correctLine(c.get('deps'), contextOf(c), p.id, p.lineId, c.req.valid('json')), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/commission/lines/{lineId}/split',
      tags,
      summary: 'Split a line among several recipients by weights',
      permission: 'commissions:edit',
      request: { params: ZLineParams, body: jsonBody(ZSplitLine) },
      responses: caseCommission,
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        await splitCaseLine(c.get('deps'), contextOf(c), p.id, p.lineId, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/commission/cancellation',
      tags,
      summary: 'Record that the case was cancelled: lines within their liability period are clawed back',
      permission: 'commissions:edit',
      request: { params: ZIdParam, body: jsonBody(ZCancelBody) },
      responses: caseCommission,
    }),
    async (c) =>
      c.json(
        await cancelCaseCommission(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/cases/{id}/commission/payments',
      tags,
      summary: 'Money received from the lender for the case',
      permission: 'commissions:view',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ items: z.array(ZPayment) })) },
    }),
    async (c) => c.json(await listPayments(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/commission/payments',
      tags,
      summary: 'Record money received from the lender, in full or in part',
      permission: 'commissions:edit',
      request: { params: ZIdParam, body: jsonBody(ZPaymentBody) },
      responses: { 201: json(ZPayment, 'Created') },
    }),
    async (c) =>
      c.json(
        await recordPayment(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );

const ZStatementQuery = ZPageQuery.extend({
  periodEnd: ZDate.optional(),
  runId: z.uuid().optional(),
  recipientId: z.uuid().optional(),
});

const statementRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/commissions/statement-runs',
      tags,
      summary: 'Run the statements of a period for every recipient with open lines (or a chosen set)',
      permission: 'commissions:manage',
      request: { body: jsonBody(ZRunBody) },
      responses: {
        201: json(
          z.object({
            id: z.uuid(),
            created: z.number(),
            existing: z.number(),
            statements: z.array(z.object({ id: z.uuid(), number: z.string() })),
          }),
          'Run',
        ),
      },
    }),
    async (c) => c.json(await runStatements(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/statements',
      tags,
      summary: 'Final statements within the actor’s commission scope, with their delivery',
      permission: 'commissions:view',
      request: { query: ZStatementQuery },
      responses: { 200: json(ZPage(ZStatement)) },
    }),
    async (c) => c.json(await listStatements(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/statements/{id}',
      tags,
      summary: 'One statement with its entries as issued',
      permission: 'commissions:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZStatement.extend({ entries: z.array(z.record(z.string(), z.unknown())) })) },
    }),
    async (c) => c.json(await getStatement(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/statements/{id}/pdf',
      tags,
      summary: 'The statement as PDF, in the recipient’s language',
      permission: 'commissions:view',
      request: { params: ZIdParam },
      responses: { 200: binary('application/pdf') },
    }),
    async (c) => file(c, await statementFile(c.get('deps'), contextOf(c), c.req.valid('param').id, 'pdf')),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/statements/{id}/xlsx',
      tags,
      summary: 'The statement as a spreadsheet',
      permission: 'commissions:view',
      request: { params: ZIdParam },
      responses: { 200: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
    }),
    async (c) => file(c, await statementFile(c.get('deps'), contextOf(c), c.req.valid('param').id, 'xlsx')),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/commissions/statements/{id}/send',
      tags,
      summary: 'E-mail the statement again (after a failure or on request)',
      permission: 'commissions:manage',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ queued: z.boolean() })) },
    }),
    async (c) => c.json(await resendStatement(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/balances',
      tags,
      summary: 'Balances of the recipients in scope: earned, payable, paid, held back, clawed back',
      permission: 'commissions:view',
      request: { query: z.object({ asOf: ZDate.optional(), recipientId: z.uuid().optional() }) },
      responses: { 200: json(z.object({ items: z.array(ZBalance) })) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listBalances(c.get('deps'), contextOf(c), q.asOf, q.recipientId), 200);
    },
  );

const exportRoutes = newRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/commissions/exports',
    tags,
    summary: 'The statements issued in a period for accounting: DATEV Buchungsstapel (EXTF) or plain CSV',
    permission: 'commissions:export',
    request: {
      query: z.object({ from: ZDate, to: ZDate, format: z.enum(['datev', 'csv']).default('datev') }),
    },
    responses: { 200: binary('text/csv') },
  }),
  async (c) => file(c, await exportStatements(c.get('deps'), contextOf(c), c.req.valid('query'))),
);

const ZMoneyRow = { income: ZMoney, payouts: ZMoney, firmKeeps: ZMoney };
const reportRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/reports/summary',
      tags,
      summary:
        'Income, payouts and what the firm keeps by advisor, unit, lender, product kind or month of win',
      permission: 'reports:view',
      request: { query: ZReportQuery },
      responses: {
        200: json(
          z.object({
            by: z.string(),
            from: z.string(),
            to: z.string(),
            items: z.array(z.object({ key: z.string(), cases: z.number(), ...ZMoneyRow })),
          }),
        ),
      },
    }),
    async (c) => c.json(await commissionSummary(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/commissions/reports/receivables',
      tags,
      summary: 'What lenders still owe: confirmed income of cases not cancelled, less their payments',
      permission: 'reports:view',
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({ lender: z.string(), cases: z.number(), income: ZMoney, paid: ZMoney, open: ZMoney }),
            ),
          }),
        ),
      },
    }),
    async (c) => c.json(await openReceivables(c.get('deps'), contextOf(c)), 200),
  );

export const commissionsRoutes = newRouter()
  .route('/', reportRoutes)
  .route('/', caseRoutes)
  .route('/', statementRoutes)
  .route('/', exportRoutes);
