import { useQuery } from '@apollo/client/react';
import { currentLanguage, useTranslation } from '../i18n';
import { Unreachable } from '../forms';
import { Page } from '../layout/Page';
import { PRIVACY_NOTICE } from '../session/operations';

export default function Privacy() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(PRIVACY_NOTICE, { variables: { language: currentLanguage() } });
  const notice = data?.privacyNotice;
  return (
    <Page title={t('privacy.title')}>
      <div className="readable">
        {notice ? (
          <>
            <h2>{notice.title}</h2>
            <p className="text-secondary">{t('privacy.version', { version: notice.version })}</p>
            <div className="prose">{notice.body}</div>
          </>
        ) : error ? (
          <Unreachable onRetry={() => void refetch()} />
        ) : (
          <p role="status">{t('privacy.loading')}</p>
        )}
      </div>
    </Page>
  );
}
