import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { withWords } from '../../lib/i18n';

/**
 * The routes of phase plans, templates, status reports, the portfolio, tasks, the inbox and notifications, each
 * loaded on first use (its own chunk, with its features' words: withWords), inside the signed-in part of the router.
 */
export function plansProgressRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'prosjekter/:id/faser/:phaseKey/plan',
      lazy: withWords(['plans', 'progress', 'projects'], () =>
        import('./plan').then((m) => ({ loader: m.planLoader(queryClient), Component: m.PlanRoute })),
      ),
    },
    {
      path: 'prosjekter/:id/faser/:phaseKey/plan/sammenlign',
      lazy: withWords(['plans', 'progress', 'projects'], () =>
        import('./plan-compare').then((m) => ({ loader: m.planCompareLoader(queryClient), Component: m.PlanCompareRoute })),
      ),
    },
    {
      path: 'prosjekter/:id/statusrapporter',
      lazy: withWords(['progress', 'projects'], () =>
        import('./status-reports').then((m) => ({ loader: m.statusReportsLoader(queryClient), Component: m.StatusReportsRoute })),
      ),
    },
    {
      path: 'prosjekter/:id/statusrapporter/:reportId',
      lazy: withWords(['progress', 'projects', 'risks'], () =>
        import('./status-report').then((m) => ({ loader: m.statusReportLoader(queryClient), Component: m.StatusReportRoute })),
      ),
    },
    {
      path: 'maler',
      lazy: withWords(['plans'], () =>
        import('./templates').then((m) => ({ loader: m.templatesLoader(queryClient), Component: m.TemplatesRoute })),
      ),
    },
    {
      path: 'maler/:key',
      lazy: withWords(['plans'], () =>
        import('./template').then((m) => ({ loader: m.templateLoader(queryClient), Component: m.TemplateRoute })),
      ),
    },
    {
      path: 'maler/:key/endre',
      lazy: withWords(['plans'], () =>
        import('./template-edit').then((m) => ({ loader: m.templateEditLoader(queryClient), Component: m.TemplateEditRoute })),
      ),
    },
    {
      path: 'portefolje',
      lazy: withWords(['plans', 'progress', 'risks'], () =>
        import('./portfolio').then((m) => ({ loader: m.portfolioLoader(queryClient), Component: m.PortfolioRoute })),
      ),
    },
    {
      path: 'mine-oppgaver',
      lazy: withWords(['gates', 'plans', 'progress', 'projects'], () =>
        import('./my-tasks').then((m) => ({ loader: m.myTasksLoader(queryClient), Component: m.MyTasksRoute })),
      ),
    },
    {
      path: 'venter-pa-deg',
      lazy: withWords(['inbox'], () => import('./inbox').then((m) => ({ loader: m.inboxLoader(queryClient), Component: m.InboxRoute }))),
    },
    {
      path: 'varsler',
      lazy: withWords(['gates', 'plans', 'progress'], () =>
        import('./notifications').then((m) => ({ loader: m.notificationsLoader(queryClient), Component: m.NotificationsRoute })),
      ),
    },
  ];
}
