import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunctionArgs } from 'react-router';
import { session } from '../lib/api-client';
import { forgetSession, LOGIN_PATH, loginPathFor, requireAdmin, requireMe } from '../lib/auth';
import { Loading } from '../components/loading';
import { i18n } from '../lib/i18n';
import { notFound } from '../lib/route-data';
import { AppLayout } from './layout/app-layout';
import { RouteError } from './routes/route-error';
import { LoginRoute, loginLoader } from './routes/login';
import { ChangePasswordRoute } from './routes/change-password';
import { RegionsRoute, regionsLoader } from './routes/regions';
import { NewRegionRoute } from './routes/new-region';
import { RegionRoute, regionLoader } from './routes/region';
import { ProjectsRoute, projectsLoader } from './routes/projects';
import { NewProjectRoute, newProjectLoader } from './routes/new-project';
import { ProjectRoute, projectLoader } from './routes/project';
import { DeliverableRoute, deliverableLoader } from './routes/deliverable';
import { GateRoute, gateLoader } from './routes/gate';
import { UsersRoute, usersLoader } from './routes/users';
import { homeLoader } from './routes/home';
import { plansProgressRoutes } from './routes/plans-progress-routes';

export function createAppRouter(queryClient: QueryClient) {
  const signedIn = ({ request }: LoaderFunctionArgs) => requireMe(queryClient, request).then(() => null);
  const adminOnly = ({ request }: LoaderFunctionArgs) => requireAdmin(queryClient, request).then(() => null);

  const router = createBrowserRouter([
    {
      path: '/',
      element: <AppLayout />,
      hydrateFallbackElement: <Loading label={i18n.t('common.loading')} />,
      children: [
        {
          // A pathless boundary inside the layout keeps header and footer on errors.
          errorElement: <RouteError />,
          children: [
            { path: LOGIN_PATH.slice(1), loader: loginLoader(queryClient), element: <LoginRoute /> },
            {
              // Everything else needs a session; without one the loader sends the person to the login page.
              loader: signedIn,
              children: [
                // Each person's start page: advisers and admins the portfolio, project leaders their tasks, others the projects.
                { index: true, loader: homeLoader(queryClient) },
                { path: 'endre-passord', element: <ChangePasswordRoute /> },
                { path: 'regioner', loader: regionsLoader(queryClient), element: <RegionsRoute /> },
                { path: 'regioner/ny', loader: adminOnly, element: <NewRegionRoute /> },
                { path: 'regioner/:id', loader: regionLoader(queryClient), element: <RegionRoute /> },
                { path: 'prosjekter', loader: projectsLoader(queryClient), element: <ProjectsRoute /> },
                { path: 'prosjekter/ny', loader: newProjectLoader(queryClient), element: <NewProjectRoute /> },
                { path: 'prosjekter/:id', loader: projectLoader(queryClient), element: <ProjectRoute /> },
                {
                  path: 'prosjekter/:id/leveranser/:deliverableId',
                  loader: deliverableLoader(queryClient),
                  element: <DeliverableRoute />,
                },
                { path: 'prosjekter/:id/faser/:phaseKey/beslutning', loader: gateLoader(queryClient), element: <GateRoute /> },
                { path: 'admin/brukere', loader: usersLoader(queryClient), element: <UsersRoute /> },
                // Phase plans, templates, status reports, portfolio, tasks and notifications (loaded on first use).
                ...plansProgressRoutes(queryClient),
                // The forstudie's mapping of business needs: surveys, their results, conversations and recommendations.
                {
                  path: 'prosjekter/:id/kartlegging',
                  lazy: () => import('./routes/mapping').then((m) => ({ loader: m.mappingLoader(queryClient), Component: m.MappingRoute })),
                },
                {
                  path: 'prosjekter/:id/kartlegging/undersokelser/:surveyId',
                  lazy: () => import('./routes/survey').then((m) => ({ loader: m.surveyLoader(queryClient), Component: m.SurveyRoute })),
                },
                {
                  path: 'prosjekter/:id/kartlegging/undersokelser/:surveyId/resultater',
                  lazy: () =>
                    import('./routes/survey-results').then((m) => ({
                      loader: m.surveyResultsLoader(queryClient),
                      Component: m.SurveyResultsRoute,
                    })),
                },
                {
                  path: 'prosjekter/:id/anbefalinger',
                  lazy: () =>
                    import('./routes/recommendations').then((m) => ({
                      loader: m.recommendationsLoader(queryClient),
                      Component: m.RecommendationsRoute,
                    })),
                },
                { path: '*', loader: () => notFound() },
              ],
            },
          ],
        },
      ],
    },
  ]);

  // A 401 from any request means the session has ended: back to the login page, remembering where the
  // person was (or was going), so login can return there.
  session.onUnauthenticated = () => {
    const { location, navigation } = router.state;
    const target = navigation.location ?? location;
    forgetSession(queryClient);
    if (target.pathname !== LOGIN_PATH) {
      void router.navigate(loginPathFor(target.pathname + target.search), { replace: true });
    }
  };

  return router;
}
