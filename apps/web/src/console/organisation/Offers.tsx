import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { EtsOffersQuery, ModerationStatus, ServiceOfferStatus } from '../../gql/graphql';
import { useTranslation } from '../../i18n';
import { StatusTag, TextAreaField } from '../fields';
import { formatDate } from '../format';
import { OrganisationFrame, type OrganisationSummary, organisationPath } from './OrganisationFrame';
import { OFFERS, PAUSE_OFFER, RESUME_OFFER } from './operations';
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

/** The organisation's offers with their state and the Comune's check; change, pause, resume, add. */
export default function Offers() {
  const { t } = useTranslation();
  return (
    <OrganisationFrame section="offers" lead={t('ets.offers.lead')}>
      {(organisation) => <OffersOf organisation={organisation} />}
    </OrganisationFrame>
  );
}

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
  const [pausingId, setPausingId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const action = useActionStatus();

  async function pause(event: FormEvent, offer: Offer) {
    event.preventDefault();
    action.clear();
    try {
      await pauseOffer({ variables: { input: { id: offer.id, reason: reason.trim() || null } } });
      setPausingId(null);
      setReason('');
      action.done(t('ets.offers.paused', { title: offer.title }));
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
              {pausingId === offer.id ? (
                <form
                  className="ets-confirm mt-2 readable"
                  noValidate
                  aria-label={t('ets.offers.pauseOf', { title: offer.title })}
                  onSubmit={(event) => void pause(event, offer)}
                >
                  <TextAreaField
                    id={`${headingId}-reason`}
                    label={`${t('ets.offers.pauseReason')} ${t('console.common.optional')}`}
                    hint={t('ets.offers.pauseHint')}
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                  />
                  <div className="d-flex flex-wrap gap-2">
                    <button type="submit" className="btn btn-warning btn-sm" disabled={pausing.loading}>
                      {t('ets.offers.pauseConfirm')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-outline-secondary btn-sm"
                      onClick={() => setPausingId(null)}
                    >
                      {t('console.common.cancel')}
                    </button>
                  </div>
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
                        setPausingId(offer.id);
                      }}
                    >
                      {t('ets.offers.pause')}
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
