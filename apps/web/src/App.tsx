import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './layout/Layout';
import { consoleRoutes } from './console/routes';
import Catalogue from './pages/Catalogue';
import Home from './pages/Home';
import { citizenRoutes } from './citizen/routes';
import { RequireSignIn } from './session/RequireSignIn';
import { volunteerRoutes } from './volunteer/routes';

// Every page but the landing and the catalogue (the two public doors, in the main bundle: no second
// round trip before they show) is its own chunk, so that both stay under 150 KB of JS.
const SignIn = lazy(() => import('./pages/SignIn'));
const MyArea = lazy(() => import('./pages/MyArea'));
const Accessibility = lazy(() => import('./pages/Accessibility'));
const Privacy = lazy(() => import('./pages/Privacy'));
const NotFound = lazy(() => import('./pages/NotFound'));
const Offer = lazy(() => import('./pages/Offer'));

/** The routes. Paths are Italian (they are what people see); add a page here (apps/web/README.md). */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'accedi', element: <SignIn /> },
      {
        path: 'area',
        element: (
          <RequireSignIn>
            <MyArea />
          </RequireSignIn>
        ),
      },
      { path: 'servizi', element: <Catalogue /> },
      { path: 'servizi/:id', element: <Offer /> },
      { path: 'accessibilita', element: <Accessibility /> },
      { path: 'privacy', element: <Privacy /> },
      ...volunteerRoutes,
      ...consoleRoutes,
      ...citizenRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
