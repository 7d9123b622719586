import { useSubscription } from '@apollo/client/react';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useVolunteerTranslation } from './i18n';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { NOTIFICATION_RECEIVED } from './operations';
import './volunteer.css';
import { VOLUNTEER_PATHS } from './paths';

const NAV = [
  { to: VOLUNTEER_PATHS.home, key: 'home', end: true },
  { to: VOLUNTEER_PATHS.proposals, key: 'proposals', end: false },
  { to: VOLUNTEER_PATHS.engagements, key: 'engagements', end: false },
  { to: VOLUNTEER_PATHS.availability, key: 'availability', end: false },
  { to: VOLUNTEER_PATHS.profile, key: 'profile', end: false },
  { to: VOLUNTEER_PATHS.reviews, key: 'reviews', end: false },
  { to: VOLUNTEER_PATHS.calls, key: 'calls', end: false },
] as const;

/**
 * The volunteer area: its own navigation, and a live notice when a proposal arrives while the
 * volunteer is on another page of the area (the proposals page updates itself instead).
 */
export default function VolunteerLayout() {
  const { t } = useVolunteerTranslation();
  const location = useLocation();
  const [arrived, setArrived] = useState(false);
  const onProposals = location.pathname.startsWith(VOLUNTEER_PATHS.proposals);
  // Read when a notification comes (the subscription's callback outlives renders).
  const onProposalsNow = useRef(onProposals);
  useEffect(() => {
    onProposalsNow.current = onProposals;
    // Seen on the proposals page: the notice has done its job.
    if (onProposals) setArrived(false);
  }, [onProposals]);

  useSubscription(NOTIFICATION_RECEIVED, {
    onData: ({ data }) => {
      if (data.data?.notificationReceived.event === 'proposal_new' && !onProposalsNow.current)
        setArrived(true);
    },
  });

  return (
    <>
      <nav aria-label={t('area')} className="volunteer-nav container pt-3">
        <ul>
          {NAV.map((item) => (
            <li key={item.key}>
              <NavLink to={item.to} end={item.end}>
                {t(`nav.${item.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div aria-live="polite" className="container">
        {arrived && (
          <div
            className="alert alert-info d-flex flex-wrap align-items-center gap-3"
            data-testid="proposal-arrived"
          >
            <span>{t('proposals.arrived')}</span>
            <Link to={VOLUNTEER_PATHS.proposals} onClick={() => setArrived(false)}>
              {t('nav.proposals')}
            </Link>
          </div>
        )}
      </div>
      <Suspense fallback={<p className="container py-5">{t('common.loading')}</p>}>
        <Outlet />
      </Suspense>
    </>
  );
}
