import { registerGraphqlEnums } from '@prossimo/platform';

export enum Role {
  CITIZEN = 'citizen',
  VOLUNTEER = 'volunteer',
  ORGANISATION_ADMIN = 'organisation_admin',
  ORGANISATION_OPERATOR = 'organisation_operator',
  COMUNE_OPERATOR = 'comune_operator',
  COMUNE_MODERATOR = 'comune_moderator',
  PLATFORM_ADMIN = 'platform_admin',
}

registerGraphqlEnums(
  { Role },
  {
    Role: 'What a person may do; staff roles are held per territory.',
  },
);
