import { registerEnumType } from '@nestjs/graphql';

/**
 * Registers a file's GraphQL enums from one table: each under its key as the GraphQL name (so the
 * name is written once, by `{ NeedUrgency }`), with the description given for it, if any.
 */
export function registerGraphqlEnums<Enums extends Record<string, object>>(
  enums: Enums,
  descriptions: Partial<Record<keyof Enums, string>> = {},
): void {
  for (const [name, values] of Object.entries(enums)) {
    const description = descriptions[name];
    registerEnumType(values, description === undefined ? { name } : { name, description });
  }
}
