import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/fonts.css';
import './styles/app.css';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { apolloClient } from './api/client';
import { App } from './App';
import { currentLanguage, loadLanguage } from './i18n';
import { refreshSession } from './session/refresh';
import { setSession } from './session/session';

// Silent sign-in from the HttpOnly cookie; unreachable api: signed out for now (pages offer retries).
refreshSession().catch(() => setSession({ status: 'signedOut' }));

// English is its own chunk: load it first when it is the person's language (no Italian flash).
// The first render is a transition: React renders in slices of a few milliseconds and yields between
// them, so that the main thread is never blocked for long on a slow phone (the paint comes at the end).
void loadLanguage(currentLanguage()).finally(() => {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  startTransition(() =>
    root.render(
      <StrictMode>
        <ApolloProvider client={apolloClient}>
          <App />
        </ApolloProvider>
      </StrictMode>,
    ),
  );
});
