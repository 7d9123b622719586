import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { OFFER_PAGE } from '../catalogue/operations';
import { priceSummary } from '../catalogue/price';
import { ReportReview } from '../catalogue/ReportReview';
import { formatDate, formatEuro, formatKm, formatNumber } from '../format';
import { Unreachable } from '../forms';
import { useTranslation } from '../i18n';
import { Page } from '../layout/Page';
import { MoreOf } from '../layout/ShowMore';
import { useSession } from '../session/session';

export default function Offer() {
  const { t, language } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const { data, error, refetch, fetchMore } = useQuery(OFFER_PAGE, { variables: { id } });
  const offer = data?.serviceOffer;

  if (!offer) {
    const missing = error && !/fetch|network/i.test(error.message);
    return (
      <Page title={missing ? t('offer.notFound') : t('state.loading')}>
        {missing ? (
          <Link to="/servizi">{t('offer.back')}</Link>
        ) : error ? (
          <Unreachable onRetry={() => void refetch()} />
        ) : (
          <p role="status">{t('state.loading')}</p>
        )}
      </Page>
    );
  }

  const ask = `/richieste/nuova?categoria=${encodeURIComponent(offer.category)}&offerta=${encodeURIComponent(offer.id)}`;
  const signedIn = session.status === 'signedIn';
  const reputation = data.reputation;
  const reviews = data.reviewsOf.items;
  return (
    <Page title={offer.title}>
      <p>
        <Link to="/servizi">{t('offer.back')}</Link>
      </p>
      <div className="row g-4">
        <div className="col-12 col-lg-8 readable">
          <p className="lead">{t(`category.${offer.category}`)}</p>
          <p className="prose">{offer.description}</p>

          <h2 className="h4">{t('offer.price')}</h2>
          <p className="fw-semibold">{priceSummary(offer.price, t, language)}</p>
          {offer.price.model === 'SHARED' && offer.price.bands?.length ? (
            <table className="table">
              <caption>{t('offer.sharedTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('offer.sharedPeople')}</th>
                  <th scope="col">{t('offer.sharedEach')}</th>
                </tr>
              </thead>
              <tbody>
                {[...offer.price.bands]
                  .sort((a, b) => a.people - b.people)
                  .map((band) => (
                    <tr key={band.people}>
                      <th scope="row">{t('offer.sharedFromPeople', { count: band.people })}</th>
                      <td>
                        {t('catalogue.perHour', { price: formatEuro(band.centsPerHourEach, language) })}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : null}
          {offer.price.vouchersAccepted ? <p>{t('catalogue.vouchers')}</p> : null}

          <h2 className="h4">{t('offer.schedule')}</h2>
          {offer.schedule.length ? (
            <ul>
              {offer.schedule.map((slot) => (
                <li key={`${slot.dayOfWeek}-${slot.start}`}>
                  {t(`weekday.d${slot.dayOfWeek}`)} {slot.start}–{slot.end}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('offer.noSchedule')}</p>
          )}

          <h2 className="h4">{t('offer.area')}</h2>
          <p>
            {offer.area.radiusKm != null
              ? t('offer.areaRadius', { km: formatKm(offer.area.radiusKm, language) })
              : t('offer.areaComuni', { count: offer.area.comuneIstatCodes?.length ?? 0 })}
          </p>
          {offer.vehicle.wheelchairAccessible ? <p>{t('offer.wheelchair')}</p> : null}
          {offer.vehicle.seats ? <p>{t('offer.seats', { count: offer.vehicle.seats })}</p> : null}
          {offer.languages.length ? (
            <p>
              {t('offer.languages')}:{' '}
              {offer.languages
                .map((code) => new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code)
                .join(', ')}
            </p>
          ) : null}
          {offer.accessibilityNotes ? (
            <>
              <h2 className="h4">{t('offer.accessibility')}</h2>
              <p className="prose">{offer.accessibilityNotes}</p>
            </>
          ) : null}

          <h2 className="h4">{t('offer.reviews')}</h2>
          {reputation.shown && reputation.average != null ? (
            <p>
              {t('offer.rating', {
                average: formatNumber(reputation.average, language),
                count: reputation.reviewCount ?? 0,
              })}
            </p>
          ) : (
            <p>{t('offer.fewReviews')}</p>
          )}
          {reviews.length ? (
            <ul className="list-unstyled">
              {reviews.map((review) => {
                const stars = formatNumber(review.overallStars, language);
                // The day on Rome's calendar, as every date of the app, whatever the device's zone.
                const date = formatDate(review.createdAt, language);
                const comment = review.comment?.trim() ?? '';
                const which = comment
                  ? t('offer.report.whichSaid', {
                      stars,
                      date,
                      comment: comment.length > 40 ? `${comment.slice(0, 40).trimEnd()}…` : comment,
                    })
                  : t('offer.report.which', { stars, date });
                return (
                  <li key={review.id} className="result-card">
                    <p className="fw-semibold mb-1">
                      {stars}/5 · {date}
                    </p>
                    {review.comment ? <p className="mb-1">{review.comment}</p> : null}
                    {review.reply ? (
                      <p className="mb-0 ps-3 border-start">
                        <span className="fw-semibold">{t('offer.reply')}:</span> {review.reply.body}
                      </p>
                    ) : null}
                    <ReportReview
                      reviewId={review.id}
                      which={which}
                      signedIn={signedIn}
                      returnTo={`/servizi/${offer.id}`}
                    />
                  </li>
                );
              })}
            </ul>
          ) : null}
          <MoreOf query={{ data, fetchMore }} field="reviewsOf" cursor="afterReviews" />
        </div>
        <aside className="col-12 col-lg-4" aria-labelledby="organisation-title">
          <div className="result-card">
            <h2 id="organisation-title" className="h5">
              {t('offer.organisation')}
            </h2>
            <p className="fw-semibold mb-1">{offer.organisation.name}</p>
            <p className="prose small">{offer.organisation.description}</p>
            <Link
              className="btn btn-primary btn-lg w-100"
              to={signedIn ? ask : `/accedi?dopo=${encodeURIComponent(ask)}`}
            >
              {signedIn ? t('offer.ask') : t('offer.askSignIn')}
            </Link>
          </div>
        </aside>
      </div>
    </Page>
  );
}
