import { Link } from 'react-router';
import { Page } from '../../layout/Page';
import { useCitizenTranslation } from '../i18n';

/** After "delete my account": said plainly, with the way back to the start. */
export default function AccountDeletedPage() {
  const { t } = useCitizenTranslation();
  return (
    <Page title={t('myData.deleted')}>
      <div className="readable">
        <p>{t('myData.deletedBody')}</p>
        <p>
          <Link to="/">{t('myData.deletedHome')}</Link>
        </p>
      </div>
    </Page>
  );
}
