import { registerEnumType } from '@nestjs/graphql';

/**
 * What help is about. The stored values are the same strings as the directory's categories, so
 * volunteers, their offers and calls can be matched with needs and services by category.
 */
export enum HelpCategory {
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
registerEnumType(HelpCategory, {
  name: 'HelpCategory',
  description: 'What volunteers help with (trasporto sociale, compagnia, aiuto digitale, ...).',
});

export const HELP_CATEGORIES = Object.values(HelpCategory);
