import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from '../../i18n';
import { OfferEditor, type SavedOffer } from '../OfferEditor';
import { StatusTag } from '../fields';
import { MODERATION_TONE, STATUS_TONE } from './Offers';
import { OrganisationFrame, type OrganisationSummary } from './OrganisationFrame';
import { organisationPath } from './paths';
import { OFFER } from './operations';
import { QueryState } from './states';

/**
 * One offer's form: a new offer (/offerte/nuova) or an existing one, with its state and the
 * Comune's check above the form. Saved, it goes back to the list, which says what happens next.
 */
export default function OfferPage() {
  const { t } = useTranslation();
  const { offerId = 'nuova' } = useParams();
  const isNew = offerId === 'nuova';
  return (
    <OrganisationFrame
      section="offers"
      page={t(isNew ? 'ets.offers.newTitle' : 'ets.offers.editTitle')}
      lead={isNew ? undefined : t('ets.offers.editLead')}
    >
      {(organisation) =>
        isNew ? (
          <NewOffer organisation={organisation} />
        ) : (
          <EditOffer organisation={organisation} id={offerId} />
        )
      }
    </OrganisationFrame>
  );
}

function useBackToList(organisationId: string) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = organisationPath(organisationId, 'offers');
  return {
    saved: (saved: SavedOffer, edited: boolean) => {
      const held = saved.moderationStatus === 'PENDING';
      const key = edited ? (held ? 'savedHeld' : 'saved') : held ? 'createdHeld' : 'created';
      navigate(list, { state: { flash: t(`ets.offers.${key}`, { title: saved.title }) } });
    },
    cancel: () => navigate(list),
  };
}

function NewOffer({ organisation }: { organisation: OrganisationSummary }) {
  const back = useBackToList(organisation.id);
  return (
    <OfferEditor
      organisationId={organisation.id}
      homeComuneIstat={organisation.homeComuneIstat}
      onSaved={(saved) => back.saved(saved, false)}
      onCancel={back.cancel}
    />
  );
}

function EditOffer({ organisation, id }: { organisation: OrganisationSummary; id: string }) {
  const { t } = useTranslation();
  const back = useBackToList(organisation.id);
  // Always the stored offer: the form starts from what the api holds now.
  const offer = useQuery(OFFER, { variables: { id }, fetchPolicy: 'network-only', errorPolicy: 'all' });
  const data = offer.data?.serviceOffer;
  if (!data || data.organisationId !== organisation.id) {
    if (offer.loading) return <QueryState query={offer} />;
    return (
      <div className="readable">
        <p>{t('ets.offers.notFound')}</p>
        <Link to={organisationPath(organisation.id, 'offers')}>{t('ets.offers.backToList')}</Link>
      </div>
    );
  }
  return (
    <>
      <section aria-labelledby="offer-state-title" className="readable mb-4">
        <h2 id="offer-state-title" className="h4">
          {data.title}
        </h2>
        <p className="d-flex flex-wrap gap-2">
          <StatusTag tone={STATUS_TONE[data.status]}>{t(`ets.offers.status.${data.status}`)}</StatusTag>
          {data.moderationStatus ? (
            <StatusTag tone={MODERATION_TONE[data.moderationStatus]}>
              {t(`ets.offers.moderationTag.${data.moderationStatus}`)}
            </StatusTag>
          ) : null}
        </p>
        {data.moderationStatus ? <p>{t(`ets.offers.moderationNote.${data.moderationStatus}`)}</p> : null}
        {data.status === 'PAUSED' ? <p>{t('ets.offers.pausedNote')}</p> : null}
      </section>
      <OfferEditor
        organisationId={organisation.id}
        homeComuneIstat={organisation.homeComuneIstat}
        offer={data}
        onSaved={(saved) => back.saved(saved, true)}
        onCancel={back.cancel}
      />
    </>
  );
}
