import { ApolloLink } from '@apollo/client';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { Observable, Subscription } from 'rxjs';

export interface RetryOptions {
  /** Tries in all, the first included. */
  maxAttempts: number;
  /** The longest wait between two tries, whatever the api suggests. */
  maxDelayMs: number;
}

/**
 * The api's retry hint when it answered SERVICE_UNAVAILABLE (PostgreSQL or the queue did not
 * answer; nothing was done), in seconds; undefined for any other answer.
 */
export function serviceUnavailableRetryAfter(result: ApolloLink.Result): number | undefined {
  const errors = 'errors' in result && Array.isArray(result.errors) ? result.errors : [];
  const unavailable = errors.find((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
  if (!unavailable) return undefined;
  const seconds = unavailable.extensions?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds >= 0 ? seconds : 5;
}

const isQuery = ({ query }: ApolloLink.Operation): boolean => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.QUERY;
};

/**
 * Tries a query again, after the api's hint, while the api answers SERVICE_UNAVAILABLE; the last
 * answer goes to the page as it is. Mutations are not repeated here: a connection lost during
 * their commit cannot tell whether it was written, so the person decides (the page shows the
 * api's message, "riprova tra 5 secondi").
 */
export function serviceUnavailableRetryLink(
  options: RetryOptions = { maxAttempts: 4, maxDelayMs: 10_000 },
): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (!isQuery(operation)) return forward(operation);
    return new Observable<ApolloLink.Result>((observer) => {
      let attempt = 0;
      let inner: Subscription | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const run = () => {
        attempt += 1;
        let retrying = false;
        inner = forward(operation).subscribe({
          next: (result) => {
            const retryAfter = serviceUnavailableRetryAfter(result);
            if (retryAfter !== undefined && attempt < options.maxAttempts) {
              retrying = true;
              timer = setTimeout(run, Math.min(retryAfter * 1000, options.maxDelayMs));
              return;
            }
            observer.next(result);
          },
          error: (error: unknown) => observer.error(error),
          complete: () => {
            if (!retrying) observer.complete();
          },
        });
      };
      run();
      return () => {
        clearTimeout(timer);
        inner?.unsubscribe();
      };
    });
  });
}
