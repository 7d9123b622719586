import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './layout/Layout';
import { consoleRoutes } from './console/routes';
import Home from './pages/Home';
import { citizenRoutes } from './citizen/routes';
import { RequireSignIn } from './session/RequireSignIn';

// Every page but the landing is its own chunk: the landing and the catalogue stay small.
const SignIn = lazy(() => import('./pages/SignIn'));
const MyArea = lazy(() => import('./pages/MyArea'));
const Accessibility = lazy(() => import('./pages/Accessibility'));
const Privacy = lazy(() => import('./pages/Privacy'));
const NotFound = lazy(() => import('./pages/NotFound'));
const Catalogue = lazy(() => import('./pages/Catalogue'));
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
      ...consoleRoutes,
      ...citizenRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
