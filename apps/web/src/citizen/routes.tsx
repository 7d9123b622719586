import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../session/RequireSignIn';

// Each page is its own chunk (with the citizen messages): nothing here weighs on the landing.
const MyNeedsPage = lazy(() => import('./needs/MyNeedsPage'));
const NeedPage = lazy(() => import('./needs/NeedPage'));
const NewNeedPage = lazy(() => import('./need-flow/NewNeedPage'));
const NeedSentPage = lazy(() => import('./need-flow/NeedSentPage'));
const CareGroupsPage = lazy(() => import('./groups/CareGroupsPage'));
const ReviewsPage = lazy(() => import('./reviews/ReviewsPage'));
const WriteReviewPage = lazy(() => import('./reviews/WriteReviewPage'));
const NotificationsPage = lazy(() => import('./notifications/NotificationsPage'));
const PreferencesPage = lazy(() => import('./preferences/PreferencesPage'));
const MyDataPage = lazy(() => import('./privacy/MyDataPage'));
const AccountDeletedPage = lazy(() => import('./privacy/AccountDeletedPage'));

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

/** The citizen's pages, and the notification centre, preferences and privacy of everyone signed in. */
export const citizenRoutes: RouteObject[] = [
  { path: 'richieste', element: signedIn(<MyNeedsPage />) },
  { path: 'richieste/nuova', element: signedIn(<NewNeedPage />) },
  { path: 'richieste/nuova/:step', element: signedIn(<NewNeedPage />) },
  { path: 'richieste/:id', element: signedIn(<NeedPage />) },
  { path: 'richieste/:id/inviata', element: signedIn(<NeedSentPage />) },
  { path: 'badante-condivisa', element: signedIn(<CareGroupsPage />) },
  { path: 'recensioni', element: signedIn(<ReviewsPage />) },
  { path: 'recensioni/scrivi/:engagementId', element: signedIn(<WriteReviewPage />) },
  { path: 'notifiche', element: signedIn(<NotificationsPage />) },
  { path: 'preferenze', element: signedIn(<PreferencesPage />) },
  { path: 'i-miei-dati', element: signedIn(<MyDataPage />) },
  { path: 'account-cancellato', element: <AccountDeletedPage /> },
];
