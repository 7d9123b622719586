import { ApolloLink } from '@apollo/client';
import { Observable, Subscription } from 'rxjs';

/** The web session's own operations: renewing on their failure would loop. */
const SESSION_OPERATIONS = new Set(['RefreshWebSession', 'SignOut']);

function unauthenticated(result: ApolloLink.Result): boolean {
  const errors = 'errors' in result && Array.isArray(result.errors) ? result.errors : [];
  return errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED');
}

/**
 * Renews the session once and asks again when the api answers UNAUTHENTICATED to a request that
 * carried an access token. Another tab's silent refresh rotates the session (the HttpOnly cookie is
 * shared, the access token is not), so this tab's token stops working while the cookie still holds
 * a good refresh token. The api refuses before any resolver runs, so asking again writes nothing twice.
 * `signedIn` says whether a token was sent; `renew` resolves true when a new one is in place.
 */
export function sessionRenewalLink(signedIn: () => boolean, renew: () => Promise<boolean>): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (SESSION_OPERATIONS.has(operation.operationName ?? '') || !signedIn()) return forward(operation);
    return new Observable<ApolloLink.Result>((observer) => {
      let inner: Subscription | undefined;
      let closed = false;
      const run = (renewed: boolean) => {
        let renewing = false;
        inner = forward(operation).subscribe({
          next: (result) => {
            if (renewed || !unauthenticated(result)) {
              observer.next(result);
              return;
            }
            renewing = true;
            renew().then(
              (ok) => {
                if (closed) return;
                if (ok) run(true);
                else {
                  observer.next(result);
                  observer.complete();
                }
              },
              () => {
                if (closed) return;
                observer.next(result);
                observer.complete();
              },
            );
          },
          error: (error: unknown) => observer.error(error),
          complete: () => {
            if (!renewing) observer.complete();
          },
        });
      };
      run(false);
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    });
  });
}
