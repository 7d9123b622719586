import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/fonts.css';
import './styles/app.css';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apolloClient } from './api/client';
import { App } from './App';
import { currentLanguage, loadLanguage } from './i18n';
import { refreshSession } from './session/refresh';
import { setSession } from './session/session';

// Silent sign-in from the HttpOnly cookie; unreachable api: signed out for now (pages offer retries).
refreshSession().catch(() => setSession({ status: 'signedOut' }));

// English is its own chunk: load it first when it is the person's language (no Italian flash).
void loadLanguage(currentLanguage()).finally(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <ApolloProvider client={apolloClient}>
        <App />
      </ApolloProvider>
    </StrictMode>,
  ),
);
