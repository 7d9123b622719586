import { graphql } from '../gql';

// What the batch assignment pages read of a run (the list and the plan page share it).
export const BATCH_RUN_FIELDS = graphql(`
  fragment BatchRunFields on BatchAssignmentRun {
    id
    territoryId
    category
    status
    scheduled
    windowStart
    windowEnd
    needsCount
    helpersCount
    served
    totalMeters
    greedyServed
    greedyMeters
    proposalsSent
    createdAt
    plannedAt
    publishedAt
    edits
  }
`);

export const BATCH_RUN = graphql(`
  query BatchAssignmentRunPage($id: ID!) {
    batchAssignmentRun(id: $id) {
      ...BatchRunFields
    }
  }
`);

// A need of a plan as the plan page shows it (the plan and a change of it return it).
export const BATCH_PLAN_ENTRY_FIELDS = graphql(`
  fragment BatchPlanEntryFields on BatchPlanEntry {
    needId
    category
    description
    comuneIstat
    windowStart
    helperKind
    helperName
    helperUserId
    organisationId
    meters
    alreadyAsked
  }
`);
