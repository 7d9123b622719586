import { useTranslation } from '../i18n';
import { Link } from 'react-router';
import { Icon } from '../layout/Icon';
import { Page } from '../layout/Page';

export default function Home() {
  const { t } = useTranslation();
  const paths = [
    {
      to: '/richieste/nuova',
      icon: 'it-help-circle',
      title: t('home.needHelp'),
      hint: t('home.needHelpHint'),
    },
    { to: '/volontario', icon: 'it-user', title: t('home.giveHelp'), hint: t('home.giveHelpHint') },
    { to: '/servizi', icon: 'it-search', title: t('home.search'), hint: t('home.searchHint') },
  ];
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      <ul className="row g-3 list-unstyled mb-5">
        {paths.map((path) => (
          <li key={path.to} className="col-12 col-md-4">
            <Link to={path.to} className="path-card">
              <Icon name={path.icon} />
              <span>
                <span className="path-card__title">{path.title}</span>
                <span className="d-block mt-1">{path.hint}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="how-title" className="readable">
        <h2 id="how-title">{t('home.howTitle')}</h2>
        <ol className="fs-5">
          <li>{t('home.how1')}</li>
          <li>{t('home.how2')}</li>
          <li>{t('home.how3')}</li>
          <li>{t('home.how4')}</li>
        </ol>
      </section>
    </Page>
  );
}
