import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from '../i18n';
import { Link } from 'react-router';
import {
  ACCREDITATIONS_TO_DO,
  CALLS_ACCEPTED_TO_DO,
  COMUNE_CALLS_TO_DO,
  INVITATIONS,
  OPEN_LONG_TO_DO,
  REVIEW_TO_DO,
  TO_DO,
  UNMATCHED_TO_DO,
} from './my-area-operations';
import { Page } from '../layout/Page';
import { parseAuthLevel } from '../session/return-path';
import { useSession } from '../session/session';
import { formatPhone } from '../format';
import { formatDay, formatTime } from '../volunteer/format';
import { romeCalendarDate } from '../rome-time';
import './my-area-messages';
import { toDoOf } from './my-area-todo';
import { useOrganisationToDo } from './organisation-to-do';
import { AREA_ROLES, ORGANISATION_MEMBER_ROLES, workAreasOf } from '../console/access';
import { ORGANISATION_NAMES } from '../console/organisation/operations';
import type { Role } from '../gql/graphql';

const NO_ORGANISATIONS: readonly { id: string; name: string }[] = [];

/** A query without variables, fresh on every visit, asked only `when` the person may see it. */
function useFreshQueryIf<Data>(
  document: TypedDocumentNode<Data, Record<string, never>>,
  when: boolean,
): Data | undefined {
  return useQuery(document, { fetchPolicy: 'cache-and-network', skip: !when }).data;
}

export default function MyArea() {
  const { t, language } = useTranslation();
  const session = useSession();
  const signedInRoles = session.status === 'signedIn' ? session.session.user.roles : [];
  const holds = (...roles: Role[]) => signedInRoles.some((role) => roles.includes(role.role));
  const signedOut = session.status !== 'signedIn';
  const invitations = useFreshQueryIf(INVITATIONS, !signedOut)?.myOrganisationInvitations;
  const toDoData = useQuery(TO_DO, {
    variables: { volunteer: holds('VOLUNTEER') },
    fetchPolicy: 'cache-and-network',
    skip: signedOut,
  }).data;
  // Roles are held only when signed in.
  const followsUp = holds(...AREA_ROLES.followUp);
  const moderates = holds(...AREA_ROLES.moderation);
  const unmatched = useFreshQueryIf(UNMATCHED_TO_DO, followsUp)?.unmatchedNeeds;
  const openLong = useFreshQueryIf(OPEN_LONG_TO_DO, followsUp)?.territoryNeeds;
  const callAnswers = useFreshQueryIf(CALLS_ACCEPTED_TO_DO, holds('VOLUNTEER'))?.myCallAnswers.items;
  const comuneCallsToDecide = useFreshQueryIf(
    COMUNE_CALLS_TO_DO,
    holds(...AREA_ROLES.calls),
  )?.comuneCallsToAction;
  const toReview = useFreshQueryIf(REVIEW_TO_DO, moderates)?.moderationQueue;
  const accreditations = useFreshQueryIf(ACCREDITATIONS_TO_DO, moderates)?.accreditationRequests;
  const organisations = useFreshQueryIf(
    ORGANISATION_NAMES,
    holds(...ORGANISATION_MEMBER_ROLES),
  )?.myOrganisations;
  const adminOf = signedInRoles
    .filter((role) => role.role === 'ORGANISATION_ADMIN' && role.organisationId)
    .map((role) => role.organisationId)
    .join(',');
  const organisationRequests = useOrganisationToDo(organisations ?? NO_ORGANISATIONS, adminOf);
  if (session.status !== 'signedIn') return null;
  const { user, authLevel } = session.session;
  const roles = [...new Set(user.roles.map((role) => role.role))];
  // Staff and organisations' members land here too: their places of work come first.
  const workAreas = workAreasOf(roles);
  const toDo = toDoData
    ? toDoOf({
        needs: toDoData.myNeeds.items,
        proposals: toDoData.myProposals?.items ?? [],
        engagements: toDoData.myEngagements?.items ?? [],
        callAnswers,
        today: romeCalendarDate(new Date()),
        userId: user.id,
        unreadNotifications: toDoData.myNotifications.unreadCount,
        unmatched,
        openLong,
        comuneCallsToDecide,
        toReview,
        accreditations,
        organisationRequests,
      })
    : [];
  // How this session was opened: SPID or CIE (with its level), else the phone number's SMS code.
  const identity = parseAuthLevel(authLevel);
  const welcome = identity
    ? t('myArea.welcomeIdentity', identity)
    : t('myArea.welcome', { phone: user.phoneE164 ? formatPhone(user.phoneE164) : '' });
  return (
    <Page title={t('myArea.title')} lead={welcome}>
      {invitations?.length ? (
        <section aria-labelledby="invitations-title" className="readable mb-4 alert alert-info">
          <h2 id="invitations-title" className="h4">
            {t('myArea.invitationsTitle')}
          </h2>
          <p>
            {t('myArea.invitations', {
              count: invitations.length,
              organisation: invitations[0].organisationName,
            })}
          </p>
          <Link to="/ente">{t('myArea.invitationsLink')}</Link>
        </section>
      ) : null}
      {toDo.length ? (
        <section aria-labelledby="todo-title" className="readable mb-4 callout">
          <h2 id="todo-title" className="h3">
            {t('myArea.toDoTitle')}
          </h2>
          <ul className="mb-0" data-testid="to-do">
            {toDo.map((item) => (
              <li key={item.path + item.key} className="mb-2">
                <Link to={item.path} className="fw-semibold">
                  {t(`myArea.toDo.${item.key}${item.more ? 'More' : ''}`, {
                    count: item.count,
                    organisation: item.organisation,
                    title: item.title,
                    when: item.when
                      ? `${formatDay(item.when, language)}, ${formatTime(item.when, language)}`
                      : undefined,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="roles-title" className="readable mb-4">
        <h2 id="roles-title">{t('myArea.rolesTitle')}</h2>
        {roles.length ? (
          <ul data-testid="roles">
            {roles.map((role) => (
              <li key={role}>{t(`myArea.role.${role}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('myArea.noRoles')}</p>
        )}
      </section>
      <section aria-labelledby="next-title" className="readable">
        <h2 id="next-title">{t('myArea.nextTitle')}</h2>
        <ul>
          {workAreas.map((work) => (
            <li key={work.area} className="mb-2">
              <Link to={work.to} className="fw-semibold">
                {t(`myArea.work.${work.area}`)}
              </Link>
              <span className="d-block">{t(`myArea.work.${work.area}Hint`)}</span>
            </li>
          ))}
          <li>
            <Link to="/richieste/nuova">{t('home.needHelp')}</Link>
          </li>
          <li>
            <Link to="/volontario">{t('home.giveHelp')}</Link>
          </li>
          <li>
            <Link to="/servizi">{t('home.search')}</Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}
