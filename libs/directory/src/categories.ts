import { registerEnumType } from '@nestjs/graphql';

/**
 * What help is about. Shared by service offers, needs, volunteer offers and matching, so that a
 * need and an offer in the same category can meet.
 */
export enum ServiceCategory {
  RIDES_AND_ACCOMPANIMENT = 'rides_and_accompaniment',
  SHARED_CAREGIVER = 'shared_caregiver',
  HOME_HELP = 'home_help',
  SHOPPING_AND_DELIVERY = 'shopping_and_delivery',
  COMPANIONSHIP = 'companionship',
  DIGITAL_HELP = 'digital_help',
  CHILDCARE = 'childcare',
  HOUSING = 'housing',
  JOB_INCLUSION = 'job_inclusion',
  OTHER = 'other',
}
registerEnumType(ServiceCategory, {
  name: 'ServiceCategory',
  description: 'Category of a need or an offer (trasporto sociale, badante condivisa, ...).',
});

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
registerEnumType(TargetGroup, { name: 'TargetGroup' });
