// SQL parts of community's tables for other libraries' statements (issue 19: the table names stay
// in the owner's files). The volunteer's profile is alias `v`.

/** The volunteer profiles as `v`, for a caller's FROM. */
export const VOLUNTEER_PROFILES_AS_V = 'volunteer_profiles v';

/** Joins the profile `v` of the volunteer whose id is `volunteerIdColumn`, if any. */
export const leftJoinVolunteerSql = (volunteerIdColumn: string): string =>
  `LEFT JOIN volunteer_profiles v ON v.id = ${volunteerIdColumn}`;

/** The availability windows under the caller's alias, for a FROM. */
export const availabilityWindowsAs = (alias: string): string => `availability_windows ${alias}`;
