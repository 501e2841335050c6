import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { activitiesRoutes } from './features/activities/activities.routes';
import { apiKeysRoutes } from './features/api-keys/api-keys.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { authRoutes } from './features/auth/auth.routes';
import { caseWorkRoutes } from './features/case-work/case-work.routes';
import { casesRoutes } from './features/cases/cases.routes';
import { clientExtrasRoutes } from './features/clients/client-extras.routes';
import { clientsRoutes } from './features/clients/clients.routes';
import { commissionRatesRoutes } from './features/commissions/commission-rates.routes';
import { commissionsRoutes } from './features/commissions/commissions.routes';
import { customFieldsRoutes } from './features/custom-fields/custom-fields.routes';
import { documentsRoutes } from './features/documents/documents.routes';
import { healthRoutes } from './features/health/health.routes';
import { pipelinesRoutes } from './features/pipelines/pipelines.routes';
import { rolesRoutes } from './features/roles/roles.routes';
import { searchRoutes } from './features/search/search.routes';
import { substitutesRoutes } from './features/substitutes/substitutes.routes';
import { trashRoutes } from './features/trash/trash.routes';
import { unitsRoutes } from './features/units/units.routes';
import { usersRoutes } from './features/users/users.routes';
import { authenticate } from './platform/authenticate';
import type { TDeps } from './platform/deps';
import { AppError, fromCommissionError, fromDatabaseError, toProblem } from './platform/errors';
import { newRouter, requestIdFrom, type TEnv } from './platform/http';
import { negotiateLocale } from './platform/i18n';
import { apiReferencePage, homePage } from './platform/pages';
import { webApp } from './platform/web-app';

export const API_VERSION = '1.0.0';

// One router per feature, all under /api/v1. A new feature adds its line here.
const FEATURE_ROUTERS = [
  healthRoutes,
  authRoutes,
  unitsRoutes,
  usersRoutes,
  rolesRoutes,
  substitutesRoutes,
  apiKeysRoutes,
  auditRoutes,
  trashRoutes,
  pipelinesRoutes,
  customFieldsRoutes,
  clientsRoutes,
  documentsRoutes,
  clientExtrasRoutes,
  casesRoutes,
  searchRoutes,
  activitiesRoutes,
  caseWorkRoutes,
  commissionRatesRoutes,
  commissionsRoutes,
];

function clientAddress(c: Context<TEnv>, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

// Hono's own refusals (a body that is not JSON, say) in Kontor's error format.
function fromHttpException(error: unknown): AppError | undefined {
  if (!(error instanceof HTTPException)) return undefined;
  if (error.status === 400) {
    return new AppError('validation_failed', error.message, [
      { field: 'body', code: 'invalid_json', message: error.message },
    ]);
  }
  if (error.status === 401) return new AppError('unauthenticated');
  if (error.status === 404) return new AppError('not_found');
  return undefined;
}

/** The OpenAPI 3.1 document of an app built by `createApp`. */
export function openApiDocument(app: OpenAPIHono<TEnv>) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Kontor',
      version: API_VERSION,
      description:
        'CRM for financial intermediaries. Every operation names the permission it needs (x-permission).',
    },
    servers: [{ url: '/api/v1' }],
  });
}

/** Builds the HTTP application: middleware, then one router per feature. */
export function createApp(deps: TDeps) {
  const api = newRouter();
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kontor_session',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  api.use('*', authenticate());
  for (const router of FEATURE_ROUTERS) api.route('/', router);

  const app = newRouter();
  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(c.req.header('x-request-id'));
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('ip', clientAddress(c, deps.config.trustProxy));
    c.set('locale', negotiateLocale(c.req.header('accept-language')));
    c.header('x-request-id', requestId);
    await next();
    const actor = c.get('actor');
    deps.logger.info({
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      tenant: actor?.tenantId,
      user: actor?.userId,
    });
  });
  app.onError((error, c) => {
    const known =
      error instanceof AppError
        ? error
        : (fromHttpException(error) ?? fromDatabaseError(error) ?? fromCommissionError(error));
    const appError = known ?? new AppError('internal');
    if (!known) deps.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    const problem = toProblem(appError, c.get('locale') ?? 'en', c.get('requestId'));
    return c.body(JSON.stringify(problem), appError.status as 400, {
      'content-type': 'application/problem+json; charset=utf-8',
    });
  });
  app.notFound(() => {
    throw new AppError('not_found');
  });
  app.route('/api/v1', api);
  const document = () => openApiDocument(api);
  app.get('/api/v1/openapi.json', (c) => c.json(document()));
  app.get('/api/docs', (c) => c.html(apiReferencePage(document() as Parameters<typeof apiReferencePage>[0])));
  const web = webApp(deps.config.webDir);
  // The web app, for every GET that is not the API; the start page where it is not built.
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    const file = web.file(c.req.path);
    if (!file) {
      if (c.req.path === '/') return c.html(homePage(c.get('locale'), deps.database.engine));
      return next();
    }
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.type,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
  });
  return { app, api };
}
