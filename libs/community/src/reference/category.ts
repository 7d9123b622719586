import { CATEGORY_VALUES, CategoryValue, registerGraphqlEnums } from '@prossimo/platform';

/**
 * What help is about: the shared CATEGORY_VALUES under the community's GraphQL name, so volunteers,
 * their offers and calls can be matched with needs and services by category.
 */
export const HelpCategory = { ...CATEGORY_VALUES };
export type HelpCategory = CategoryValue;
registerGraphqlEnums(
  { HelpCategory },
  {
    HelpCategory: 'What volunteers help with (trasporto sociale, compagnia, aiuto digitale, ...).',
  },
);

export const HELP_CATEGORIES = Object.values(HelpCategory);
