// SQL parts of matching's engagements for other libraries' statements (issue 19: the table name
// stays in the owner's file). Pure text: exported by the index and the rules entry point alike
// (insights' indicator statements are built in its pure entry).

/** The engagements under the caller's alias, for a FROM or JOIN. */
export const engagementsAs = (alias: string): string => `engagements ${alias}`;
