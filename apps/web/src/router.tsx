// The routes. Every page is its own chunk (lazyRouteComponent), so the first load carries only the
// shell; the signed-in part checks the session before it renders and sends strangers to sign-in.
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { AppShellLayout } from './components/AppShellLayout';
import { ErrorState, LoadingState } from './components/States';
import { meQuery } from './lib/session';

type TRouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<TRouterContext>()({ component: Outlet });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { next?: string } =>
    typeof search.next === 'string' && search.next.startsWith('/') ? { next: search.next } : {},
  component: lazyRouteComponent(() => import('./routes/SignInPage'), 'SignInPage'),
});

const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>): { token?: string; tenant?: string } => ({
    ...(typeof search.token === 'string' ? { token: search.token } : {}),
    ...(typeof search.tenant === 'string' ? { tenant: search.tenant } : {}),
  }),
  component: lazyRouteComponent(() => import('./routes/ResetPasswordPage'), 'ResetPasswordPage'),
});

const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { next: location.href } });
    return { me };
  },
  component: AppShellLayout,
});

const deskRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/desk/DeskPage'), 'DeskPage'),
});

const clientsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/clients',
  component: lazyRouteComponent(() => import('./routes/ClientsPage'), 'ClientsPage'),
});

const newClientRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/clients/new',
  component: lazyRouteComponent(() => import('./routes/NewClientPage'), 'NewClientPage'),
});

const clientRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/clients/$clientId',
  component: lazyRouteComponent(() => import('./routes/ClientPage'), 'ClientPage'),
});

const casesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/cases',
  component: lazyRouteComponent(() => import('./features/cases/CasesPage'), 'CasesPage'),
});

const newCaseRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/cases/new',
  validateSearch: (search: Record<string, unknown>): { clientId?: string } =>
    typeof search.clientId === 'string' ? { clientId: search.clientId } : {},
  component: lazyRouteComponent(() => import('./features/cases/NewCasePage'), 'NewCasePage'),
});

const caseRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/cases/$caseId',
  component: lazyRouteComponent(() => import('./features/cases/CasePage'), 'CasePage'),
});

const calendarRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/calendar',
  component: lazyRouteComponent(() => import('./features/calendar/CalendarPage'), 'CalendarPage'),
});

const commissionsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/commissions',
  component: lazyRouteComponent(() => import('./features/commissions/CommissionsPage'), 'CommissionsPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin',
  component: lazyRouteComponent(() => import('./features/admin/AdminPage'), 'AdminPage'),
});

const securityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/settings/security',
  component: lazyRouteComponent(() => import('./features/security/SecurityPage'), 'SecurityPage'),
});

const trashRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/trash',
  component: lazyRouteComponent(() => import('./features/trash/TrashPage'), 'TrashPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  resetRoute,
  signedInRoute.addChildren([
    deskRoute,
    clientsRoute,
    newClientRoute,
    clientRoute,
    casesRoute,
    newCaseRoute,
    caseRoute,
    calendarRoute,
    commissionsRoute,
    adminRoute,
    securityRoute,
    trashRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: LoadingState,
    defaultErrorComponent: ({ error, reset }) => <ErrorState error={error} onRetry={reset} />,
  });
}

// TanStack Router learns the routes' types through this declaration (an interface by its API).
declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
