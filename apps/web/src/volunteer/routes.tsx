import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../session/RequireSignIn';

// Every page is its own chunk (the landing's JS budget).
const VolunteerLayout = lazy(() => import('./VolunteerLayout'));
const VolunteerHomePage = lazy(() => import('./VolunteerHomePage'));
const ProfilePage = lazy(() => import('./profile/ProfilePage'));
const AvailabilityPage = lazy(() => import('./availability/AvailabilityPage'));
const ProposalsPage = lazy(() => import('./proposals/ProposalsPage'));
const EngagementsPage = lazy(() => import('./engagements/EngagementsPage'));
const EngagementPage = lazy(() => import('./engagements/EngagementPage'));
const ReviewsPage = lazy(() => import('./reviews/ReviewsPage'));
const CallsPage = lazy(() => import('./calls/CallsPage'));

/** The volunteer's area under /volontario (signed in; the calls for volunteers are public). */
export const volunteerRoutes: RouteObject[] = [
  { path: 'volontario/chiamate', element: <CallsPage /> },
  {
    path: 'volontario',
    element: (
      <RequireSignIn>
        <VolunteerLayout />
      </RequireSignIn>
    ),
    children: [
      { index: true, element: <VolunteerHomePage /> },
      { path: 'profilo', element: <ProfilePage /> },
      { path: 'disponibilita', element: <AvailabilityPage /> },
      { path: 'proposte', element: <ProposalsPage /> },
      { path: 'impegni', element: <EngagementsPage /> },
      { path: 'impegni/:id', element: <EngagementPage /> },
      { path: 'recensioni', element: <ReviewsPage /> },
    ],
  },
];
