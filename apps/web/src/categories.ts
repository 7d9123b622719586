import type { HelpCategory } from './gql/graphql';

/**
 * The kinds of help in the one order every list and form of the app shows them: what is asked most
 * first (rides, help at home, shopping, company), "Altro" last. The api's NeedCategory and
 * ServiceCategory have the same values.
 */
export const HELP_CATEGORIES: readonly HelpCategory[] = [
  'RIDES_AND_ACCOMPANIMENT',
  'HOME_HELP',
  'SHOPPING_AND_DELIVERY',
  'COMPANIONSHIP',
  'SHARED_CAREGIVER',
  'DIGITAL_HELP',
  'CHILDCARE',
  'HOUSING',
  'JOB_INCLUSION',
  'OTHER',
];
