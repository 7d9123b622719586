import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { EMPTY, Observable } from 'rxjs';
import { currentLanguage } from '../i18n';
import { accessToken } from '../session/session';
import { serviceUnavailableRetryLink } from './retry-link';
import { sessionRenewalLink } from './session-renewal-link';

/** Tells the api to use the HttpOnly refresh cookie; a custom header also makes every POST preflighted. */
export const WEB_CLIENT_HEADER = { 'x-prossimo-client': 'web' };

const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

const headersLink = new SetContextLink((previous) => {
  const token = accessToken();
  return {
    headers: {
      ...(previous.headers as Record<string, string> | undefined),
      ...WEB_CLIENT_HEADER,
      'accept-language': currentLanguage(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  };
});

// graphql-ws on the same origin, loaded with the first subscription (the landing never needs it);
// the token goes in connectionParams, read at each (re)connection.
let wsLink: Promise<ApolloLink> | undefined;
function loadWsLink(): Promise<ApolloLink> {
  wsLink ??= Promise.all([import('@apollo/client/link/subscriptions'), import('graphql-ws')]).then(
    ([{ GraphQLWsLink }, { createClient }]) =>
      new GraphQLWsLink(
        createClient({
          url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
          lazy: true,
          connectionParams: () => {
            const token = accessToken();
            return token ? { authorization: `Bearer ${token}` } : {};
          },
        }),
      ),
  );
  return wsLink;
}

const lazyWsLink = new ApolloLink(
  (operation) =>
    new Observable((observer) => {
      let inner: { unsubscribe(): void } | undefined;
      let closed = false;
      loadWsLink().then(
        (link) => {
          // The socket ends the chain: nothing is ever forwarded.
          if (!closed) inner = link.request(operation, () => EMPTY)?.subscribe(observer);
        },
        (error: unknown) => observer.error(error),
      );
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    }),
);

// The session module registers how to renew (it imports this client: no import the other way).
let renewSession: () => Promise<boolean> = async () => false;
export function setSessionRenewal(renew: () => Promise<boolean>): void {
  renewSession = renew;
}
const renewalLink = sessionRenewalLink(
  () => accessToken() !== undefined,
  () => renewSession(),
);

const isSubscription = ({ query }: ApolloLink.Operation): boolean => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
};

export const apolloClient = new ApolloClient({
  link: ApolloLink.split(
    isSubscription,
    lazyWsLink,
    ApolloLink.from([serviceUnavailableRetryLink(), renewalLink, headersLink, httpLink]),
  ),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
