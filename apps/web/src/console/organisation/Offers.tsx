import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { EtsOffersQuery, ModerationStatus, ServiceOfferStatus } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { ConfirmButtons, StatusTag, TextAreaField } from '../fields';
import { formatDate } from '../format';
import { organisationSection, type OrganisationSummary } from './OrganisationFrame';
import { organisationPath } from './paths';
import { ARCHIVE_OFFER, OFFERS, PAUSE_OFFER, RESUME_OFFER } from './operations';
import { ActionStatus, MoreOf, QueryState, useActionStatus } from './states';

export const STATUS_TONE: Record<ServiceOfferStatus, 'success' | 'warning' | 'neutral'> = {
  ACTIVE: 'success',
  PAUSED: 'warning',
  ARCHIVED: 'neutral',
};
export const MODERATION_TONE: Record<ModerationStatus, 'info' | 'success' | 'danger' | 'neutral'> = {
  PENDING: 'info',
  PUBLISHED: 'success',
  HIDDEN: 'danger',
  REJECTED: 'neutral',
};

/** The path of an offer's form ("nuova": a new one). */
export const offerPath = (organisationId: string, offerId = 'nuova') =>
  `${organisationPath(organisationId, 'offers')}/${offerId}`;

/** The organisation's offers with their state and the Comune's check; change, pause, resume, archive, add. */
export default organisationSection('offers', OffersOf);

type Offer = EtsOffersQuery['organisationServiceOffers']['items'][number];

function OffersOf({ organisation }: { organisation: OrganisationSummary }) {
  const { t, language } = useTranslation();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const offers = useQuery(OFFERS, {
    variables: { organisationId: organisation.id },
    fetchPolicy: 'cache-and-network',
  });
  const [pauseOffer, pausing] = useMutation(PAUSE_OFFER);
  const [resumeOffer, resuming] = useMutation(RESUME_OFFER);
  // An archived offer leaves this list (it lists active and paused ones) with the confirmation.
  const [archiveOffer, archiving] = useMutation(ARCHIVE_OFFER, { refetchQueries: ['EtsOffers'] });
  // The offer whose pause or archiving asks for a reason and a confirmation.
  const [confirming, setConfirming] = useState<{ id: string; kind: 'pause' | 'archive' } | null>(null);
  const [reason, setReason] = useState('');
  const action = useActionStatus();

  async function confirm(event: FormEvent, offer: Offer, kind: 'pause' | 'archive') {
    event.preventDefault();
    action.clear();
    const input = { id: offer.id, reason: reason.trim() || null };
    try {
      if (kind === 'pause') await pauseOffer({ variables: { input } });
      else await archiveOffer({ variables: { input } });
      setConfirming(null);
      setReason('');
      action.done(t(kind === 'pause' ? 'ets.offers.paused' : 'ets.offers.archived', { title: offer.title }));
    } catch (error) {
      action.failed(error);
    }
  }

  async function resume(offer: Offer) {
    action.clear();
    try {
      await resumeOffer({ variables: { id: offer.id } });
      action.done(t('ets.offers.resumed', { title: offer.title }));
    } catch (error) {
      action.failed(error);
    }
  }

  const list = offers.data?.organisationServiceOffers.items ?? [];
  return (
    <>
      {flash && !action.status ? (
        <p className="alert alert-success" role="status">
          {flash}
        </p>
      ) : null}
      <p>
        <Link className="btn btn-primary" to={offerPath(organisation.id)}>
          {t('console.offers.newButton')}
        </Link>
      </p>
      <QueryState query={offers} />
      <ActionStatus status={action.status} />
      {offers.data && !list.length ? <p>{t('console.offers.none')}</p> : null}
      <ul className="list-unstyled ets-list" data-testid="offers">
        {list.map((offer) => {
          const headingId = `offer-${offer.id}`;
          return (
            <li key={offer.id} className="ets-item">
              <h2 id={headingId} className="h4 mb-1">
                {offer.title}
              </h2>
              <p className="mb-1">{t(`console.category.${offer.category}`)}</p>
              <p className="mb-1 d-flex flex-wrap gap-2 align-items-center">
                <StatusTag tone={STATUS_TONE[offer.status]}>
                  {t(`ets.offers.status.${offer.status}`)}
                </StatusTag>
                {offer.moderationStatus ? (
                  <StatusTag tone={MODERATION_TONE[offer.moderationStatus]}>
                    {t(`ets.offers.moderationTag.${offer.moderationStatus}`)}
                  </StatusTag>
                ) : null}
                <span className="small">
                  {t('ets.offers.updated', { date: formatDate(offer.updatedAt, language) })}
                </span>
              </p>
              {offer.moderationStatus && offer.moderationStatus !== 'PUBLISHED' ? (
                <p className="small mb-1">{t(`ets.offers.moderationNote.${offer.moderationStatus}`)}</p>
              ) : null}
              {offer.status === 'PAUSED' ? <p className="small mb-1">{t('ets.offers.pausedNote')}</p> : null}
              {offer.status === 'ARCHIVED' ? (
                <p className="small mb-1">{t('ets.offers.archivedNote')}</p>
              ) : null}
              {confirming?.id === offer.id ? (
                <form
                  className="ets-confirm mt-2 readable"
                  noValidate
                  aria-label={t(`ets.offers.${confirming.kind}Of`, { title: offer.title })}
                  onSubmit={(event) => void confirm(event, offer, confirming.kind)}
                >
                  {confirming.kind === 'archive' ? (
                    <p className="mb-2">{t('ets.offers.archiveWarning')}</p>
                  ) : null}
                  <TextAreaField
                    id={`${headingId}-reason`}
                    label={`${t(`ets.offers.${confirming.kind}Reason`)} ${t('console.common.optional')}`}
                    hint={t(`ets.offers.${confirming.kind}Hint`)}
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                  />
                  <ConfirmButtons
                    confirmText={t(`ets.offers.${confirming.kind}Confirm`)}
                    tone={confirming.kind === 'pause' ? 'warning' : 'danger'}
                    small
                    busy={pausing.loading || archiving.loading}
                    onCancel={() => setConfirming(null)}
                  />
                </form>
              ) : (
                <div className="d-flex flex-wrap gap-2 mt-2">
                  <Link
                    className="btn btn-outline-primary btn-sm"
                    to={offerPath(organisation.id, offer.id)}
                    aria-label={t('ets.offers.editOf', { title: offer.title })}
                  >
                    {t('ets.offers.edit')}
                  </Link>
                  {offer.status === 'ACTIVE' ? (
                    <button
                      type="button"
                      className="btn btn-outline-secondary btn-sm"
                      aria-label={t('ets.offers.pauseOf', { title: offer.title })}
                      onClick={() => {
                        action.clear();
                        setReason('');
                        setConfirming({ id: offer.id, kind: 'pause' });
                      }}
                    >
                      {t('ets.offers.pause')}
                    </button>
                  ) : null}
                  {offer.status !== 'ARCHIVED' ? (
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-sm"
                      aria-label={t('ets.offers.archiveOf', { title: offer.title })}
                      onClick={() => {
                        action.clear();
                        setReason('');
                        setConfirming({ id: offer.id, kind: 'archive' });
                      }}
                    >
                      {t('ets.offers.archive')}
                    </button>
                  ) : null}
                  {offer.status === 'PAUSED' ? (
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      aria-label={t('ets.offers.resumeOf', { title: offer.title })}
                      disabled={resuming.loading}
                      onClick={() => void resume(offer)}
                    >
                      {t('ets.offers.resume')}
                    </button>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <MoreOf query={offers} field="organisationServiceOffers" />
    </>
  );
}
