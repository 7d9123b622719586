import { useTranslation } from '../i18n';
import { Page } from '../layout/Page';

export default function Accessibility() {
  const { t } = useTranslation();
  return (
    <Page title={t('accessibility.title')}>
      <div className="readable">
        <p>{t('accessibility.body1')}</p>
        <p>{t('accessibility.body2')}</p>
        <h2>{t('accessibility.feedbackTitle')}</h2>
        <p>{t('accessibility.feedback')}</p>
        <p>
          <a href="mailto:accessibilita@prossimo.example">{t('layout.reportProblem')}</a>
        </p>
      </div>
    </Page>
  );
}
