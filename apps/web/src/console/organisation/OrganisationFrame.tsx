import { useQuery } from '@apollo/client/react';
import type { ComponentType, ReactNode } from 'react';
import { Link, NavLink, useParams } from 'react-router';
import { useTranslation } from '../../i18n';
import { Page } from '../../layout/Page';
import { useSession } from '../../session/session';
import { QueryState } from './states';
import './messages';
import { ORGANISATION_NAMES } from './operations';
import { organisationPath, SECTIONS, type Section } from './paths';

export interface OrganisationSummary {
  id: string;
  name: string;
  homeComuneIstat: string;
}

/** The caller's role in the organisation, from the session (the api checks every call again). */
export function useOrganisationRole(organisationId: string): 'ADMIN' | 'OPERATOR' | null {
  const session = useSession();
  const roles = session.status === 'signedIn' ? session.session.user.roles : [];
  const mine = roles.filter((role) => role.organisationId === organisationId).map((role) => role.role);
  if (mine.includes('ORGANISATION_ADMIN')) return 'ADMIN';
  if (mine.includes('ORGANISATION_OPERATOR')) return 'OPERATOR';
  return null;
}

/** The caller's user id, to mark "(you)" in lists. */
export function useMyUserId(): string | null {
  const session = useSession();
  return session.status === 'signedIn' ? session.session.user.id : null;
}

/**
 * One section of an organisation's work: the breadcrumb, the heading, the links to the other
 * sections, then the section itself once the organisation is known to be the caller's.
 */
export function OrganisationFrame({
  section,
  page,
  lead,
  children,
}: {
  section: Section;
  /** A page inside the section (an offer's form): its title; the section becomes a link back. */
  page?: string;
  lead?: ReactNode;
  children: (organisation: OrganisationSummary) => ReactNode;
}) {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const organisations = useQuery(ORGANISATION_NAMES, { fetchPolicy: 'cache-and-network' });
  const organisation = organisations.data?.myOrganisations.find((item) => item.id === organisationId);
  const sectionTitle = t(`ets.section.${section}`);
  const title = page ?? sectionTitle;
  return (
    <Page
      title={title}
      lead={lead}
      before={
        <nav className="breadcrumb-container" aria-label={t('ets.frame.breadcrumb')}>
          <ol className="breadcrumb p-0 mb-2">
            <li className="breadcrumb-item">
              <Link to="/ente">{t('ets.frame.home')}</Link>
              <span className="separator" aria-hidden="true">
                /
              </span>
            </li>
            {organisation ? (
              <li className="breadcrumb-item">
                {organisation.name}
                <span className="separator" aria-hidden="true">
                  /
                </span>
              </li>
            ) : null}
            {page ? (
              <li className="breadcrumb-item">
                <Link to={organisationPath(organisationId, section)}>{sectionTitle}</Link>
                <span className="separator" aria-hidden="true">
                  /
                </span>
              </li>
            ) : null}
            <li className="breadcrumb-item active" aria-current="page">
              {title}
            </li>
          </ol>
        </nav>
      }
    >
      <QueryState query={organisations} />
      {organisations.data && !organisation ? (
        <div className="readable">
          <p>{t('ets.frame.notMember')}</p>
          <Link to="/ente">{t('ets.frame.backHome')}</Link>
        </div>
      ) : null}
      {organisation ? (
        <>
          <nav aria-label={t('ets.frame.sections')} className="mb-4 ets-sections">
            <ul className="console-nav">
              {SECTIONS.map((item) => (
                <li key={item}>
                  <NavLink to={organisationPath(organisation.id, item)}>{t(`ets.section.${item}`)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          {children(organisation)}
        </>
      ) : null}
    </Page>
  );
}

/** A section's page: the frame with the section's lead (ets.<section>.lead) around the section's work. */
export function organisationSection(
  section: Section,
  Work: ComponentType<{ organisation: OrganisationSummary }>,
): ComponentType {
  return function OrganisationSection() {
    const { t } = useTranslation();
    return (
      <OrganisationFrame section={section} lead={t(`ets.${section}.lead`)}>
        {(organisation) => <Work organisation={organisation} />}
      </OrganisationFrame>
    );
  };
}
