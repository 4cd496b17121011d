import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { RouteError } from './routes/route-error';
import { NotFoundRoute } from './routes/not-found';
import { RegionsRoute, regionsLoader } from './routes/regions';
import { NewRegionRoute } from './routes/new-region';
import { RegionRoute, regionLoader } from './routes/region';

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        {
          // A pathless boundary inside the layout keeps header and footer on errors.
          errorElement: <RouteError />,
          children: [
            { index: true, loader: () => redirect('/regioner') },
            { path: 'regioner', loader: regionsLoader(queryClient), element: <RegionsRoute /> },
            { path: 'regioner/ny', element: <NewRegionRoute /> },
            { path: 'regioner/:id', loader: regionLoader(queryClient), element: <RegionRoute /> },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ]);
}
