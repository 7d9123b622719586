import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { type DocumentNode, parse } from 'graphql';
import { firstValueFrom, of } from 'rxjs';

// For the unit tests of the app's Apollo links: a scripted server and one request through a link.

/** A server that answers `answers` in turn (the last one again when they run out), and counts the requests. */
export function scriptedServer(answers: ApolloLink.Result[]) {
  const seen = { requests: 0 };
  const link = new ApolloLink(() => of(answers[Math.min(seen.requests++, answers.length - 1)]));
  return { link, seen };
}

/** One request through `link`, its answer. parse(), not a gql tag: codegen would take a tagged document for one of the app's operations. */
export function runThrough(link: ApolloLink, document: DocumentNode = parse('query Me { me { id } }')) {
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return firstValueFrom(ApolloLink.execute(link, { query: document }, { client }));
}
