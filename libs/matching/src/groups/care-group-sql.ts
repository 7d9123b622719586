// SQL parts of matching's care groups for other libraries' statements (issue 19: the table names
// stay in the owner's files). Pure text: exported by the index and the rules entry point alike
// (insights' indicator statements are built in its pure entry).

/** The care groups under the caller's alias, for a FROM or JOIN. */
export const careGroupsAs = (alias: string): string => `care_groups ${alias}`;

/** The care groups' members (one per need) under the caller's alias, for a FROM or JOIN. */
export const careGroupMembersAs = (alias: string): string => `care_group_members ${alias}`;
