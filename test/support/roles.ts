import { RoleToGrant } from './fixtures';

// The Comune roles most files' set-up gives (signUpWithRoles), named for what the person is.

/** An operator of the territory's Comuni (its desk). */
export const operatorOf = (territoryId: string): RoleToGrant => ({ role: 'comune_operator', territoryId });

/** A moderator of the territory's content. */
export const moderatorOf = (territoryId: string): RoleToGrant => ({ role: 'comune_moderator', territoryId });
