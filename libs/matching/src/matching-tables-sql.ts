// SQL parts of matching's tables for other libraries' pure statement builders (issue 19: the table
// names stay in the owner's files). Pure text, importing nothing: exported by the index and the
// rules entry point alike (insights' indicator statements are built in its pure entry).

/** The care groups under the caller's alias, for a FROM or JOIN. */
export const careGroupsAs = (alias: string): string => `care_groups ${alias}`;

/** The care groups' members (one per need) under the caller's alias, for a FROM or JOIN. */
export const careGroupMembersAs = (alias: string): string => `care_group_members ${alias}`;

/** The engagements under the caller's alias, for a FROM or JOIN. */
export const engagementsAs = (alias: string): string => `engagements ${alias}`;
