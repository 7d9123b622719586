import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Checkbox } from '../../forms';
import { Page } from '../../layout/Page';
import { signOut } from '../../session/refresh';
import { formatDate, formatDateTime } from '../datetime';
import { ConfirmDialog } from '../Dialog';
import {
  ACCEPT_NOTICE,
  DATA_EXPORT_CONTENT,
  DELETE_ACCOUNT,
  GIVE_CONSENT,
  MY_DATA,
  REQUEST_DATA_EXPORT,
  WITHDRAW_CONSENT,
} from '../operations';
import { useCitizenTranslation } from '../i18n';
import { StatusTag } from '../needs/StatusTag';
import { CITIZEN_PATHS } from '../paths';
import { problemsText } from '../problems';
import { ActionOutcome } from '../ActionOutcome';
import { QueryState } from '../QueryState';

/** Privacy: the consents given (and withdrawn), "download my data", delete my account. */
export default function MyDataPage() {
  const { t, tApp, language } = useCitizenTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const query = useQuery(MY_DATA);
  const refetchQueries = ['CitizenMyData'];
  const [acceptNotice] = useMutation(ACCEPT_NOTICE, { refetchQueries });
  const [giveConsent] = useMutation(GIVE_CONSENT, { refetchQueries });
  const [withdrawConsent] = useMutation(WITHDRAW_CONSENT, { refetchQueries });
  const [requestExport, requesting] = useMutation(REQUEST_DATA_EXPORT, { refetchQueries });
  const [deleteAccount, deleting] = useMutation(DELETE_ACCOUNT);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [deleteConfirmed, setDeleteConfirmed] = useState(false);
  const [deleteError, setDeleteError] = useState<string>();

  const privacy = query.data?.myPrivacy;
  const exports = query.data?.myDataExports.items ?? [];
  const pending = exports.some((item) => item.status === 'PENDING');
  const { startPolling, stopPolling } = query;
  // While a copy is being prepared, look again every few seconds (the notification also says it).
  useEffect(() => {
    if (pending) startPolling(3000);
    else stopPolling();
    return stopPolling;
  }, [pending, startPolling, stopPolling]);

  async function act(action: () => Promise<unknown>, success?: string) {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      if (success) setNotice(success);
    } catch (failure) {
      setError(problemsText(failure, tApp));
    }
  }

  async function download(id: string) {
    await act(async () => {
      const { data } = await client.query({
        query: DATA_EXPORT_CONTENT,
        variables: { id },
        fetchPolicy: 'network-only',
      });
      const content = data?.dataExport.content;
      if (!content) return;
      const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `prossimo-i-miei-dati-${id.slice(0, 8)}.json`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    });
  }

  async function onDelete(event: FormEvent) {
    event.preventDefault();
    if (!deleteConfirmed) {
      setDeleteError(t('myData.deleteConfirmRequired'));
      return;
    }
    try {
      await deleteAccount();
      setDeleteOpen(false);
      // The api ended every session; forget ours too, and say it was done.
      await signOut().catch(() => undefined);
      navigate(CITIZEN_PATHS.accountDeleted, { replace: true });
    } catch (failure) {
      setDeleteError(problemsText(failure, tApp));
    }
  }

  return (
    <Page title={t('myData.title')} lead={t('myData.intro')}>
      <div className="readable">
        <ActionOutcome notice={notice} error={error} />
        {!privacy ? (
          <QueryState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <section className="mb-5" aria-labelledby="data-consents">
              <h2 id="data-consents">{t('myData.consents')}</h2>
              <h3 className="h4">{t('myData.notice')}</h3>
              {privacy.noticeAcceptanceRequired ? (
                <div className="callout warning">
                  <p>{t('myData.noticeRequired')}</p>
                  <p className="d-flex flex-wrap gap-2 mb-0">
                    <Link to="/privacy">{t('myData.noticeRead')}</Link>
                    <button
                      type="button"
                      className="btn btn-primary btn-sm"
                      onClick={() =>
                        void act(() => acceptNotice({ variables: { version: privacy.currentNoticeVersion } }))
                      }
                    >
                      {t('myData.noticeAccept')}
                    </button>
                  </p>
                </div>
              ) : (
                <p>
                  {t('myData.noticeAccepted', { version: privacy.acceptedNoticeVersion })}{' '}
                  <Link to="/privacy">{t('myData.noticeRead')}</Link>
                </p>
              )}
              <h3 className="h4">{t('myData.health')}</h3>
              <p>{privacy.healthDataConsent ? t('myData.healthOn') : t('myData.healthOff')}</p>
              {privacy.healthDataConsent ? (
                <button
                  type="button"
                  className="btn btn-outline-danger mb-3"
                  onClick={() =>
                    void act(async () => {
                      const result = await withdrawConsent({ variables: { kind: 'HEALTH_DATA' } });
                      setNotice(
                        t('myData.healthWithdrawn', {
                          count: result.data?.withdrawConsent.sensitiveNotesPurged ?? 0,
                        }),
                      );
                    })
                  }
                >
                  {t('myData.healthWithdraw')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn-outline-primary mb-3"
                  onClick={() =>
                    void act(
                      () => giveConsent({ variables: { kind: 'HEALTH_DATA' } }),
                      t('myData.healthGiven'),
                    )
                  }
                >
                  {t('myData.healthGive')}
                </button>
              )}
              <h3 className="h4">{t('myData.family')}</h3>
              <p>
                {privacy.familyContactConsent ? t('myData.familyOn') : t('myData.familyOff')}{' '}
                <Link to={CITIZEN_PATHS.preferences}>{t('myData.familyManage')}</Link>
              </p>
              {privacy.familyContactConsent ? (
                <button
                  type="button"
                  className="btn btn-outline-danger mb-3"
                  onClick={() =>
                    void act(
                      () => withdrawConsent({ variables: { kind: 'FAMILY_CONTACT' } }),
                      t('myData.familyWithdrawn'),
                    )
                  }
                >
                  {t('myData.familyWithdraw')}
                </button>
              ) : null}
              <table className="table">
                <caption>{t('myData.history')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('myData.consentKind')}</th>
                    <th scope="col">{t('myData.consentGiven')}</th>
                    <th scope="col">{t('myData.consentWithdrawn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {privacy.consents.map((consent) => (
                    <tr key={consent.id}>
                      <th scope="row">
                        {t(`myData.consentKinds.${consent.kind}`)}
                        {consent.noticeVersion ? ` (${consent.noticeVersion})` : ''}
                      </th>
                      <td>{formatDate(consent.grantedAt, language)}</td>
                      <td>{consent.withdrawnAt ? formatDate(consent.withdrawnAt, language) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section className="mb-5" aria-labelledby="data-export">
              <h2 id="data-export">{t('myData.export')}</h2>
              <p>{t('myData.exportIntro')}</p>
              <button
                type="button"
                className="btn btn-primary mb-3"
                disabled={requesting.loading || pending}
                onClick={() => void act(() => requestExport(), t('myData.exportRequested'))}
              >
                {t('myData.exportRequest')}
              </button>
              {exports.length ? (
                <ul className="list-unstyled">
                  {exports.map((item) => (
                    <li key={item.id} className="border-bottom py-2">
                      <p className="mb-1">
                        <StatusTag kind="export" status={item.status} />{' '}
                        {t('myData.exportRequestedAt', { date: formatDateTime(item.requestedAt, language) })}
                      </p>
                      {item.status === 'READY' ? (
                        <>
                          {item.expiresAt ? (
                            <p className="mb-1 small">
                              {t('myData.exportExpires', { date: formatDateTime(item.expiresAt, language) })}
                            </p>
                          ) : null}
                          <button
                            type="button"
                            className="btn btn-outline-primary btn-sm"
                            onClick={() => void download(item.id)}
                          >
                            {t('myData.exportDownload')}
                          </button>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>

            <section className="mb-5" aria-labelledby="data-delete">
              <h2 id="data-delete">{t('myData.delete')}</h2>
              <p>{t('myData.deleteIntro')}</p>
              <button type="button" className="btn btn-danger" onClick={() => setDeleteOpen(true)}>
                {t('myData.deleteButton')}
              </button>
            </section>
          </>
        )}
        <ConfirmDialog
          open={deleteOpen}
          title={t('myData.deleteDialogTitle')}
          body={t('myData.deleteDialogBody')}
          onClose={() => setDeleteOpen(false)}
          onSubmit={(event) => void onDelete(event)}
          confirmLabel={t('myData.deleteDo')}
          keepLabel={t('myData.deleteKeep')}
          busy={deleting.loading}
        >
          <Checkbox
            id="delete-confirm"
            label={t('myData.deleteConfirm')}
            checked={deleteConfirmed}
            error={deleteError}
            onChange={(event) => setDeleteConfirmed(event.target.checked)}
          />
        </ConfirmDialog>
      </div>
    </Page>
  );
}
