import { graphql } from '../gql';

/** A Comune found by name, with its centre, which stands for the place (catalogue, citizen, volunteer). */
export const COMUNE_PLACE_FIELDS = graphql(`
  fragment ComunePlace on Comune {
    istat
    name
    provinceCode
    lat
    lon
  }
`);

export const FIND_COMUNI = graphql(`
  query FindComuni($search: String!) {
    comuni(search: $search, first: 6) {
      items {
        ...ComunePlace
      }
    }
  }
`);

export const OFFER_PRICE_FIELDS = graphql(`
  fragment OfferPrice on Price {
    model
    amountCents
    unit
    vouchersAccepted
    bands {
      people
      centsPerHourEach
    }
  }
`);

export const SEARCH_OFFERS = graphql(`
  query SearchOffers($filter: ServiceOfferFilter, $order: ServiceOfferOrder, $first: Int!, $after: String) {
    searchServiceOffers(filter: $filter, order: $order, first: $first, after: $after) {
      items {
        id
        title
        category
        distanceKm
        organisation {
          id
          name
        }
        price {
          ...OfferPrice
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const OFFER_PAGE = graphql(`
  query OfferPage($id: ID!, $afterReviews: String) {
    serviceOffer(id: $id) {
      id
      title
      description
      category
      languages
      accessibilityNotes
      price {
        ...OfferPrice
      }
      schedule {
        dayOfWeek
        start
        end
      }
      area {
        radiusKm
        comuneIstatCodes
      }
      vehicle {
        seats
        wheelchairAccessible
      }
      organisation {
        id
        name
        description
        kind
      }
    }
    reputation(subjectId: $id, subjectType: OFFER) {
      shown
      average
      reviewCount
    }
    reviewsOf(subjectId: $id, subjectType: OFFER, first: 10, after: $afterReviews) {
      items {
        id
        overallStars
        comment
        createdAt
        reply {
          body
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** A signed-in person reports a published review; the third report hides it until a moderator decides. */
export const REPORT_REVIEW = graphql(`
  mutation ReportReview($input: ReportContentInput!) {
    reportContent(input: $input) {
      contentId
      status
    }
  }
`);
