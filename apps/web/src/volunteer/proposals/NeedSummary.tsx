import { useQuery } from '@apollo/client/react';
import { useVolunteerTranslation } from '../i18n';
import { formatDay, formatTime } from '../format';
import { NEED_FOR_HELPER } from '../operations';

interface NeedSummaryProps {
  needId: string;
  headingId?: string;
  /** h3 inside a list of proposals; h2 on an engagement's page. */
  headingLevel?: 2 | 3;
}

/**
 * What the help is, when and where, as the helper may see it: the exact address only once the
 * engagement is confirmed (the api leaves it out before).
 */
export function NeedSummary({ needId, headingId, headingLevel = 3 }: NeedSummaryProps) {
  const { t, i18n } = useVolunteerTranslation();
  const { data, error } = useQuery(NEED_FOR_HELPER, { variables: { id: needId }, errorPolicy: 'all' });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const need = data?.need;
  if (error && !need) {
    return (
      <Heading id={headingId} className="h5">
        {t('proposals.needUnavailable')}
      </Heading>
    );
  }
  if (!need) return <p role="status">{t('common.loading')}</p>;
  const language = i18n.language;
  const ride = need.details.ride;
  const title = ride
    ? t('proposals.ride', { destination: ride.destinationPlace })
    : t(`categories.${need.category}`);

  return (
    <div data-testid="need-summary">
      <Heading id={headingId} className="h5">
        {title}
      </Heading>
      <p>{need.description}</p>
      <dl className="row mb-2">
        <dt className="col-sm-4">{t('proposals.when')}</dt>
        <dd className="col-sm-8">
          {ride ? (
            <>
              {formatDay(ride.appointmentAt, language)}
              <br />
              {t('proposals.pickup', { time: formatTime(ride.pickupAt, language) })}
              <br />
              {t('proposals.appointment', { time: formatTime(ride.appointmentAt, language) })}
              {ride.returnTripWanted && ride.returnAt && (
                <>
                  <br />
                  {t('proposals.returnTrip', { time: formatTime(ride.returnAt, language) })}
                </>
              )}
            </>
          ) : (
            need.windowStart &&
            need.windowEnd && (
              <>
                {formatDay(need.windowStart, language)}, {formatTime(need.windowStart, language)}–
                {formatTime(need.windowEnd, language)}
              </>
            )
          )}
        </dd>
        <dt className="col-sm-4">{t('proposals.where')}</dt>
        <dd className="col-sm-8">
          {ride?.pickupPlace ?? need.address ?? t('proposals.addressLater')}
          {ride && (
            <>
              <br />→ {ride.destinationPlace}
            </>
          )}
        </dd>
      </dl>
      {ride && (
        <ul className="mb-2">
          <li>{t('proposals.passengers', { count: ride.passengers })}</li>
          {ride.wheelchair && <li>{t('proposals.wheelchair')}</li>}
          {ride.escortWaits && <li>{t('proposals.escortWaits')}</li>}
        </ul>
      )}
    </div>
  );
}
