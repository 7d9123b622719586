import { graphql } from '../gql';

/** Comuni by name (on the server), ten at a time: the territory form's picker and the organisation's home Comune. */
export const FIND_COMUNI = graphql(`
  query ConsoleFindComuni($search: String!) {
    comuni(search: $search, first: 10) {
      items {
        istat
        name
        provinceCode
      }
    }
  }
`);
