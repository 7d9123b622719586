import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { ConsoleArea } from './access';

// The staff console: every piece is its own chunk, so the citizen's landing does not carry it.
const ConsoleLayout = lazy(() => import('./ConsoleLayout'));
const DeskNewNeed = lazy(() => import('./pages/DeskNewNeed'));
const DeskPeople = lazy(() => import('./pages/DeskPeople'));
const DeskPerson = lazy(() => import('./pages/DeskPerson'));
const FollowUp = lazy(() => import('./pages/FollowUp'));
const ComuneCalls = lazy(() => import('./pages/ComuneCalls'));
const NeedCandidates = lazy(() => import('./pages/NeedCandidates'));
const ModerationQueue = lazy(() => import('./pages/ModerationQueue'));
const Accreditations = lazy(() => import('./pages/Accreditations'));
const Indicators = lazy(() => import('./pages/Indicators'));
const Organisation = lazy(() => import('./pages/Organisation'));
const AuditTrail = lazy(() => import('./pages/AuditTrail'));
const TerritorySettings = lazy(() => import('./pages/TerritorySettings'));
const BatchAssignments = lazy(() => import('./pages/BatchAssignments'));
const BatchPlan = lazy(() => import('./pages/BatchPlan'));
const TerritoryMap = lazy(() => import('./pages/TerritoryMap'));
const Members = lazy(() => import('./organisation/Members'));
const Offers = lazy(() => import('./organisation/Offers'));
const OfferPage = lazy(() => import('./organisation/OfferPage'));
const Requests = lazy(() => import('./organisation/Requests'));
const Reviews = lazy(() => import('./organisation/Reviews'));
const Calls = lazy(() => import('./organisation/Calls'));
const CareGroups = lazy(() => import('./organisation/CareGroups'));
const Territories = lazy(() => import('./admin/Territories'));
const TerritoryForm = lazy(() => import('./admin/TerritoryForm'));
const Staff = lazy(() => import('./admin/Staff'));
const Queues = lazy(() => import('./admin/Queues'));

const area = (name: ConsoleArea) => ({ area: name });

/** The console's routes, under the app's Layout (App.tsx); the api checks every call again. */
export const consoleRoutes: RouteObject[] = [
  {
    element: <ConsoleLayout />,
    children: [
      { path: 'sportello', element: <DeskNewNeed />, handle: area('desk') },
      { path: 'sportello/persone', element: <DeskPeople />, handle: area('desk') },
      { path: 'sportello/persone/:personId', element: <DeskPerson />, handle: area('desk') },
      { path: 'sportello/da-seguire', element: <FollowUp />, handle: area('followUp') },
      { path: 'sportello/chiamate', element: <ComuneCalls />, handle: area('calls') },
      { path: 'sportello/richieste/:needId', element: <NeedCandidates />, handle: area('followUp') },
      { path: 'sportello/assegnazione', element: <BatchAssignments />, handle: area('desk') },
      { path: 'sportello/assegnazione/:runId', element: <BatchPlan />, handle: area('desk') },
      { path: 'moderazione', element: <ModerationQueue />, handle: area('moderation') },
      { path: 'moderazione/accreditamenti', element: <Accreditations />, handle: area('moderation') },
      { path: 'moderazione/registro', element: <AuditTrail />, handle: area('moderation') },
      { path: 'moderazione/impostazioni', element: <TerritorySettings />, handle: area('moderation') },
      { path: 'indicatori', element: <Indicators />, handle: area('indicators') },
      { path: 'indicatori/territorio', element: <TerritoryMap />, handle: area('indicators') },
      { path: 'ente', element: <Organisation />, handle: area('organisation') },
      { path: 'ente/:organisationId/membri', element: <Members />, handle: area('organisation') },
      { path: 'ente/:organisationId/offerte', element: <Offers />, handle: area('organisation') },
      { path: 'ente/:organisationId/offerte/:offerId', element: <OfferPage />, handle: area('organisation') },
      { path: 'ente/:organisationId/richieste', element: <Requests />, handle: area('organisation') },
      { path: 'ente/:organisationId/recensioni', element: <Reviews />, handle: area('organisation') },
      { path: 'ente/:organisationId/chiamate', element: <Calls />, handle: area('organisation') },
      { path: 'amministrazione', element: <Territories />, handle: area('platform') },
      {
        path: 'amministrazione/territori/:territoryId',
        element: <TerritoryForm />,
        handle: area('platform'),
      },
      { path: 'amministrazione/personale', element: <Staff />, handle: area('platform') },
      { path: 'amministrazione/code', element: <Queues />, handle: area('platform') },
      {
        path: 'ente/:organisationId/badanti-condivise',
        element: <CareGroups />,
        handle: area('organisation'),
      },
    ],
  },
];
