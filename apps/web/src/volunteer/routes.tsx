import type { RouteObject } from 'react-router-dom';
import { AvailabilityPage } from './availability/AvailabilityPage';
import { CallsPage } from './calls/CallsPage';
import { EngagementPage } from './engagements/EngagementPage';
import { EngagementsPage } from './engagements/EngagementsPage';
import { ProfilePage } from './profile/ProfilePage';
import { ProposalsPage } from './proposals/ProposalsPage';
import { ReviewsPage } from './reviews/ReviewsPage';
import { VolunteerHomePage } from './VolunteerHomePage';
import { VolunteerLayout } from './VolunteerLayout';

/** The volunteer area, mounted under /volontariato. */
export const volunteerRoutes: RouteObject[] = [
  {
    path: 'volontariato',
    element: <VolunteerLayout />,
    children: [
      { index: true, element: <VolunteerHomePage /> },
      { path: 'profilo', element: <ProfilePage /> },
      { path: 'disponibilita', element: <AvailabilityPage /> },
      { path: 'proposte', element: <ProposalsPage /> },
      { path: 'impegni', element: <EngagementsPage /> },
      { path: 'impegni/:id', element: <EngagementPage /> },
      { path: 'recensioni', element: <ReviewsPage /> },
      { path: 'chiamate', element: <CallsPage /> },
    ],
  },
];
