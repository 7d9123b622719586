/**
 * What help is about, as stored in every table with a category (needs, service offers, volunteers,
 * their offers and calls). One list, so that a need and an offer in the same category can meet.
 * Each library names its own GraphQL enum over a copy of it (NeedCategory, ServiceCategory,
 * HelpCategory): a copy, because GraphQL knows an enum by its object.
 */
export const CATEGORY_VALUES = {
  RIDES_AND_ACCOMPANIMENT: 'rides_and_accompaniment',
  SHARED_CAREGIVER: 'shared_caregiver',
  HOME_HELP: 'home_help',
  SHOPPING_AND_DELIVERY: 'shopping_and_delivery',
  COMPANIONSHIP: 'companionship',
  DIGITAL_HELP: 'digital_help',
  CHILDCARE: 'childcare',
  HOUSING: 'housing',
  JOB_INCLUSION: 'job_inclusion',
  OTHER: 'other',
} as const;

/** One of the stored category strings. */
export type CategoryValue = (typeof CATEGORY_VALUES)[keyof typeof CATEGORY_VALUES];
