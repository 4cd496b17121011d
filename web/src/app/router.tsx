import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunctionArgs } from 'react-router';
import { session } from '../lib/api-client';
import { forgetSession, LOGIN_PATH, loginPathFor, requireAdmin, requireMe } from '../lib/auth';
import { Loading } from '../components/loading';
import { i18n, withWords } from '../lib/i18n';
import { notFound } from '../lib/route-data';
import { AppLayout } from './layout/app-layout';
import { RouteError } from './routes/route-error';
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
            // Every page is loaded on first use (its own chunk, loader and component together), so the first
            // load fetches only the layout, the router and the page asked for. withWords([...]) names the feature
            // word files the page shows (locales/words.ts): they come with its code, in the language shown.
            {
              path: LOGIN_PATH.slice(1),
              lazy: () => import('./routes/login').then((m) => ({ loader: m.loginLoader(queryClient), Component: m.LoginRoute })),
            },
            {
              // The invitation link: no session needed (the code in the link is the key).
              path: 'invitasjon',
              lazy: withWords(['invitations'], () => import('./routes/invitation').then((m) => ({ Component: m.InvitationRoute }))),
            },
            {
              // Everything else needs a session; without one the loader sends the person to the login page.
              loader: signedIn,
              children: [
                // Each person's start page: advisers and admins the portfolio, project leaders their tasks, others the projects.
                { index: true, loader: homeLoader(queryClient) },
                {
                  path: 'endre-passord',
                  lazy: withWords(['account'], () =>
                    import('./routes/change-password').then((m) => ({ Component: m.ChangePasswordRoute })),
                  ),
                },
                {
                  path: 'regioner',
                  lazy: withWords(['regions'], () =>
                    import('./routes/regions').then((m) => ({ loader: m.regionsLoader(queryClient), Component: m.RegionsRoute })),
                  ),
                },
                {
                  path: 'regioner/ny',
                  loader: adminOnly,
                  lazy: withWords(['regions'], () => import('./routes/new-region').then((m) => ({ Component: m.NewRegionRoute }))),
                },
                {
                  path: 'regioner/:id',
                  lazy: withWords(['benefits', 'caseroute', 'invitations', 'regions'], () =>
                    import('./routes/region').then((m) => ({ loader: m.regionLoader(queryClient), Component: m.RegionRoute })),
                  ),
                },
                {
                  path: 'prosjekter',
                  lazy: withWords(['deliverables', 'gates', 'projects'], () =>
                    import('./routes/projects').then((m) => ({ loader: m.projectsLoader(queryClient), Component: m.ProjectsRoute })),
                  ),
                },
                {
                  path: 'prosjekter/ny',
                  lazy: withWords(['phases', 'projects'], () =>
                    import('./routes/new-project').then((m) => ({ loader: m.newProjectLoader(queryClient), Component: m.NewProjectRoute })),
                  ),
                },
                {
                  path: 'prosjekter/:id',
                  lazy: withWords(
                    [
                      'benefits',
                      'caseroute',
                      'deliverables',
                      'gates',
                      'invitations',
                      'phases',
                      'plans',
                      'progress',
                      'projects',
                      'risks',
                      'surveys',
                    ],
                    () => import('./routes/project').then((m) => ({ loader: m.projectLoader(queryClient), Component: m.ProjectRoute })),
                  ),
                },
                {
                  path: 'prosjekter/:id/leveranser/:deliverableId',
                  lazy: withWords(['caseroute', 'deliverables', 'files', 'gates', 'plans', 'progress', 'projects'], () =>
                    import('./routes/deliverable').then((m) => ({
                      loader: m.deliverableLoader(queryClient),
                      Component: m.DeliverableRoute,
                    })),
                  ),
                },
                {
                  path: 'prosjekter/:id/faser/:phaseKey/beslutning',
                  lazy: withWords(['deliverables', 'files', 'gates', 'plans', 'projects'], () =>
                    import('./routes/gate').then((m) => ({ loader: m.gateLoader(queryClient), Component: m.GateRoute })),
                  ),
                },
                {
                  path: 'admin/brukere',
                  lazy: withWords(['caseroute', 'invitations', 'users'], () =>
                    import('./routes/users').then((m) => ({ loader: m.usersLoader(queryClient), Component: m.UsersRoute })),
                  ),
                },
                // Phase plans, templates, status reports, portfolio, tasks and notifications (loaded on first use).
                ...plansProgressRoutes(queryClient),
                // The forstudie's mapping of business needs: surveys, their results, conversations and recommendations.
                {
                  path: 'prosjekter/:id/kartlegging',
                  lazy: withWords(['needs', 'projects', 'surveys'], () =>
                    import('./routes/mapping').then((m) => ({ loader: m.mappingLoader(queryClient), Component: m.MappingRoute })),
                  ),
                },
                {
                  path: 'prosjekter/:id/kartlegging/undersokelser/:surveyId',
                  lazy: withWords(['projects', 'surveys'], () =>
                    import('./routes/survey').then((m) => ({ loader: m.surveyLoader(queryClient), Component: m.SurveyRoute })),
                  ),
                },
                {
                  path: 'prosjekter/:id/kartlegging/undersokelser/:surveyId/resultater',
                  lazy: withWords(['plans', 'projects', 'surveys'], () =>
                    import('./routes/survey-results').then((m) => ({
                      loader: m.surveyResultsLoader(queryClient),
                      Component: m.SurveyResultsRoute,
                    })),
                  ),
                },
                {
                  path: 'prosjekter/:id/anbefalinger',
                  lazy: withWords(['needs', 'projects', 'recommendations'], () =>
                    import('./routes/recommendations').then((m) => ({
                      loader: m.recommendationsLoader(queryClient),
                      Component: m.RecommendationsRoute,
                    })),
                  ),
                },
                {
                  path: 'prosjekter/:id/gevinster',
                  lazy: withWords(['benefits', 'plans', 'projects'], () =>
                    import('./routes/benefits').then((m) => ({ loader: m.benefitsLoader(queryClient), Component: m.BenefitsRoute })),
                  ),
                },
                {
                  path: 'regioner/:id/gevinster',
                  lazy: withWords(['benefits', 'regions'], () =>
                    import('./routes/region-benefits').then((m) => ({
                      loader: m.regionBenefitsLoader(queryClient),
                      Component: m.RegionBenefitsRoute,
                    })),
                  ),
                },
                {
                  path: 'prosjekter/:id/risikoer',
                  lazy: withWords(['plans', 'projects', 'risks'], () =>
                    import('./routes/risks').then((m) => ({ loader: m.risksLoader(queryClient), Component: m.RisksRoute })),
                  ),
                },
                {
                  path: 'prosjekter/:id/avslutning',
                  lazy: withWords(['closing', 'plans', 'projects'], () =>
                    import('./routes/closing').then((m) => ({ loader: m.closingLoader(queryClient), Component: m.ClosingRoute })),
                  ),
                },
                {
                  path: 'laering',
                  lazy: withWords(['closing'], () =>
                    import('./routes/lessons').then((m) => ({ loader: m.lessonsLoader(queryClient), Component: m.LessonsRoute })),
                  ),
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
