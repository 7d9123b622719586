import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useCitizenTranslation } from '../i18n';
import { formatDate, formatEuros } from '../datetime';
import { ConfirmDialog } from '../Dialog';
import { TextArea } from '../fields';
import { Page } from '../../layout/Page';
import { MoreOf } from '../../layout/ShowMore';
import { QueryState } from '../QueryState';
import { problemsText } from '../problems';
import { ActionOutcome } from '../ActionOutcome';
import { CARE_GROUPS, CONFIRM_CARE_GROUP, LEAVE_CARE_GROUP } from '../operations';
import { StatusTag } from '../needs/StatusTag';

/** "Badante condivisa": the groups my needs are in, my price against going alone, accept or leave. */
export default function CareGroupsPage() {
  const { t, tApp, language } = useCitizenTranslation();
  const groups = useQuery(CARE_GROUPS);
  const [confirmGroup, confirming] = useMutation(CONFIRM_CARE_GROUP, {
    refetchQueries: ['CitizenCareGroups'],
  });
  const [leaveGroup, leaving] = useMutation(LEAVE_CARE_GROUP, { refetchQueries: ['CitizenCareGroups'] });
  const [leavingMember, setLeavingMember] = useState<{ groupId: string; needId: string } | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  async function onLeave(event: FormEvent) {
    event.preventDefault();
    if (!leavingMember) return;
    try {
      await leaveGroup({ variables: { input: { ...leavingMember, reason: reason.trim() || undefined } } });
      setNotice(t('groups.left'));
      setLeavingMember(null);
    } catch (failure) {
      setError(problemsText(failure, tApp));
    }
  }

  const items = groups.data?.myCareGroups.items ?? [];
  return (
    <Page title={t('groups.title')} lead={t('groups.intro')}>
      <ActionOutcome notice={notice} error={error} />
      {!groups.data ? (
        <QueryState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('groups.empty')}</p>
      ) : (
        items.map((group) => (
          <section key={group.id} className="need-card" aria-labelledby={`group-${group.id}`}>
            <div>
              <div className="d-flex flex-wrap justify-content-between gap-2 mb-2">
                <h2 id={`group-${group.id}`} className="h3 mb-0">
                  {t('groups.offer', {
                    title: group.offer.title,
                    organisation: group.offer.organisationName,
                  })}
                </h2>
                <StatusTag kind="group" status={group.status} />
              </div>
              <p className="mb-2">
                {t('groups.households', { count: group.householdCount })} ·{' '}
                {t('groups.weeklyHours', { hours: Math.round((group.weeklyMinutes / 60) * 10) / 10 })}
              </p>
              <h3 className="h6">{t('groups.schedule')}</h3>
              <ul>
                {group.sharedSchedule.map((slot, index) => (
                  <li key={index}>
                    {t(`weekdays.${slot.dayOfWeek}`)}, {slot.start}–{slot.end}
                  </li>
                ))}
              </ul>
              {group.myQuotes.map((quote) => (
                <div key={quote.needId} className="border-top pt-3">
                  <h3 className="h5">
                    {t('groups.yourQuote')} <StatusTag kind="member" status={quote.status} />
                  </h3>
                  <table className="table table-sm w-auto">
                    <caption className="visually-hidden">{t('groups.quoteCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col"></th>
                        <th scope="col">{t('groups.hourly')}</th>
                        <th scope="col">{t('groups.weekly')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr>
                        <th scope="row">{t('groups.shared')}</th>
                        <td>{formatEuros(quote.priceCentsPerHour, language)}</td>
                        <td>{formatEuros(quote.weeklyCents, language)}</td>
                      </tr>
                      <tr>
                        <th scope="row">{t('groups.aloneRow')}</th>
                        <td>{formatEuros(quote.individualPriceCentsPerHour, language)}</td>
                        <td>{formatEuros(quote.individualWeeklyCents, language)}</td>
                      </tr>
                    </tbody>
                  </table>
                  <p className="fw-semibold">
                    {t('groups.saving', { price: formatEuros(quote.weeklySavingCents, language) })}
                  </p>
                  {quote.status === 'CONFIRMED' && quote.confirmedAt ? (
                    <p>
                      {t('groups.confirmedMember', { date: formatDate(quote.confirmedAt, language) })}{' '}
                      {group.status === 'PROPOSED' ? t('groups.waitingOthers') : null}
                    </p>
                  ) : null}
                  {quote.status !== 'LEFT' && group.status !== 'DISSOLVED' ? (
                    <div className="d-flex flex-wrap gap-2">
                      {quote.status === 'INVITED' ? (
                        <button
                          type="button"
                          className="btn btn-primary"
                          disabled={confirming.loading}
                          onClick={() =>
                            void confirmGroup({
                              variables: { input: { groupId: group.id, needId: quote.needId } },
                            })
                              .then(() => setNotice(t('groups.accepted')))
                              .catch((failure: unknown) => setError(problemsText(failure, tApp)))
                          }
                        >
                          {t('groups.confirm')}
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className="btn btn-outline-danger"
                        onClick={() => setLeavingMember({ groupId: group.id, needId: quote.needId })}
                      >
                        {t('groups.leave')}
                      </button>
                    </div>
                  ) : null}
                </div>
              ))}
            </div>
          </section>
        ))
      )}
      <ConfirmDialog
        open={leavingMember !== null}
        title={t('groups.leaveDialogTitle')}
        body={t('groups.leaveDialogBody')}
        onClose={() => setLeavingMember(null)}
        onSubmit={(event) => void onLeave(event)}
        confirmLabel={t('groups.leave')}
        keepLabel={t('detail.cancelDialog.keep')}
        busy={leaving.loading}
      >
        <TextArea
          id="leave-reason"
          rows={3}
          label={t('groups.leaveReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </ConfirmDialog>
      <MoreOf query={groups} field="myCareGroups" />
    </Page>
  );
}
