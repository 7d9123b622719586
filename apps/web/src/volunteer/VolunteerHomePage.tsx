import { useQuery } from '@apollo/client/react';
import { useVolunteerTranslation } from './i18n';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { Page } from '../layout/Page';
import { isCurrent } from './engagements/engagement-rules';
import { VOLUNTEER_PATHS } from './paths';
import { LoadState } from './states';

const VOLUNTEER_HOME = graphql(`
  query VolunteerHome {
    me {
      id
    }
    myVolunteerProfile {
      id
      displayName
      moderationStatus
    }
    myAvailability {
      id
    }
    myProposals(first: 50) {
      items {
        id
        status
      }
    }
    myEngagements(first: 50) {
      items {
        id
        status
        helperUserId
      }
    }
  }
`);

/** The volunteer's start page: what to do next, or how to begin. */
export default function VolunteerHomePage() {
  const { t } = useVolunteerTranslation();
  const { data, loading, error, refetch } = useQuery(VOLUNTEER_HOME, { fetchPolicy: 'cache-and-network' });

  if (!data) {
    return (
      <Page title={t('home.title')}>
        <LoadState loading={loading} error={error} onRetry={() => void refetch()} />
      </Page>
    );
  }
  const profile = data.myVolunteerProfile;

  if (!profile) {
    return (
      <Page title={t('home.introTitle')} lead={t('home.intro')}>
        <h2>{t('home.steps')}</h2>
        <ol>
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
        </ol>
        <Link className="btn btn-primary btn-lg" to={VOLUNTEER_PATHS.profile}>
          {t('home.become')}
        </Link>
        <p className="mt-4">
          <Link to={VOLUNTEER_PATHS.calls}>{t('nav.calls')}</Link>
        </p>
      </Page>
    );
  }

  const pending = data.myProposals.items.filter((proposal) => proposal.status === 'PENDING').length;
  const current = data.myEngagements.items.filter(
    (engagement) => engagement.helperUserId === data.me.id && isCurrent(engagement.status),
  ).length;

  return (
    <Page title={t('home.title')} lead={t('home.welcome', { name: profile.displayName })}>
      {profile.moderationStatus === 'PENDING' && <p className="callout">{t('home.profilePending')}</p>}
      {(profile.moderationStatus === 'HIDDEN' || profile.moderationStatus === 'REJECTED') && (
        <div className="alert alert-warning">{t('home.profileHidden')}</div>
      )}
      {data.myAvailability.length === 0 && (
        <div className="alert alert-info">
          <p>{t('home.noAvailability')}</p>
          <Link className="btn btn-primary" to={VOLUNTEER_PATHS.availability}>
            {t('home.setAvailability')}
          </Link>
        </div>
      )}
      <div className="row">
        {[
          {
            to: VOLUNTEER_PATHS.proposals,
            title: t('nav.proposals'),
            text: pending ? t('home.pendingProposals', { count: pending }) : t('home.noPendingProposals'),
          },
          {
            to: VOLUNTEER_PATHS.engagements,
            title: t('nav.engagements'),
            text: t('home.currentEngagements', { count: current }),
          },
          { to: VOLUNTEER_PATHS.availability, title: t('nav.availability'), text: t('availability.lead') },
          { to: VOLUNTEER_PATHS.profile, title: t('nav.profile'), text: t('profile.lead') },
          { to: VOLUNTEER_PATHS.reviews, title: t('nav.reviews'), text: t('reviews.lead') },
          { to: VOLUNTEER_PATHS.calls, title: t('nav.calls'), text: t('calls.lead') },
        ].map((card) => (
          <div className="col-12 col-md-6 col-lg-4 mb-3" key={card.to}>
            <div className="card card-bg h-100 shadow-sm">
              <div className="card-body">
                <h2 className="h5">
                  <Link to={card.to}>{card.title}</Link>
                </h2>
                {card.text && <p className="mb-0">{card.text}</p>}
              </div>
            </div>
          </div>
        ))}
      </div>
    </Page>
  );
}
