import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Page } from '../../layout/Page';
import { useCitizenTranslation } from '../i18n';
import { StatusTag } from '../needs/StatusTag';
import { NEED } from '../operations';
import { CITIZEN_PATHS } from '../paths';

/** The confirmation page: the request was received, what happens next and when. */
export default function NeedSentPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useCitizenTranslation();
  const status = useQuery(NEED, { variables: { id } }).data?.need.status;
  return (
    <Page title={t('new.inviata.title')}>
      <div className="readable">
        <div className="confirmation-panel mb-4">
          <p className="mb-0">{t('new.inviata.panel')}</p>
        </div>
        {status ? (
          <p>
            {t('detail.statusLabel')} <StatusTag kind="need" status={status} />
          </p>
        ) : null}
        <h2>{t('new.inviata.next')}</h2>
        <p>{status === 'SUBMITTED' ? t('new.inviata.submitted') : t('new.inviata.open')}</p>
        <p>{t('new.inviata.confirm')}</p>
        <p>{t('new.inviata.address')}</p>
        <p className="d-flex flex-wrap gap-3 mt-4">
          <Link to={CITIZEN_PATHS.need(id)} className="btn btn-primary">
            {t('new.inviata.view')}
          </Link>
          <Link to={CITIZEN_PATHS.needs} className="btn btn-outline-primary">
            {t('new.inviata.list')}
          </Link>
        </p>
        <p>
          <Link to={CITIZEN_PATHS.newNeed}>{t('new.inviata.another')}</Link>
        </p>
      </div>
    </Page>
  );
}
