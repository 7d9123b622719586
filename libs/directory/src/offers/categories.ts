import { CATEGORY_VALUES, CategoryValue, registerGraphqlEnums } from '@prossimo/platform';

/**
 * What a service offer is about: the shared CATEGORY_VALUES under the directory's GraphQL name, so
 * that a need and an offer in the same category can meet.
 */
export const ServiceCategory = { ...CATEGORY_VALUES };
export type ServiceCategory = CategoryValue;

/** Who a service is meant for. */
export enum TargetGroup {
  ELDERLY = 'elderly',
  PEOPLE_WITH_DISABILITIES = 'people_with_disabilities',
  FAMILIES = 'families',
  CHILDREN = 'children',
  YOUNG_PEOPLE = 'young_people',
  CAREGIVERS = 'caregivers',
  MIGRANTS = 'migrants',
  UNEMPLOYED = 'unemployed',
  EVERYONE = 'everyone',
}
registerGraphqlEnums(
  { ServiceCategory, TargetGroup },
  {
    ServiceCategory: 'Category of a need or an offer (trasporto sociale, badante condivisa, ...).',
  },
);
