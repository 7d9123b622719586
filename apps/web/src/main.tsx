import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/fonts.css';
import './styles/app.css';
import './i18n';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apolloClient } from './api/client';
import { App } from './App';
import { refreshSession } from './session/refresh';
import { setSession } from './session/session';

// Silent sign-in from the HttpOnly cookie; unreachable api: signed out for now (pages offer retries).
refreshSession().catch(() => setSession({ status: 'signedOut' }));

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ApolloProvider client={apolloClient}>
      <App />
    </ApolloProvider>
  </StrictMode>,
);
