import { useTranslation } from '../i18n';
import { Link } from 'react-router';
import { Page } from '../layout/Page';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <Link to="/" className="btn btn-primary">
        {t('notFound.home')}
      </Link>
    </Page>
  );
}
