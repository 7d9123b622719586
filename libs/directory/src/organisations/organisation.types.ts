// GraphQL types of organisations and their members (directory.types.ts re-exports them).

import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { EnumField, IdField, PageArgs, PageOf, TextField } from '@prossimo/platform';
import { IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';
import {
  ISTAT,
  OrganisationKind,
  OrganisationMemberRole,
  OrganisationMemberStatus,
  RuntsSection,
} from '../enums/directory-enums';

// ---------- Organisations ----------

@ObjectType({ description: 'An ETS, cooperative, company or public body offering services.' })
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => RuntsSection, { nullable: true })
  runtsSection!: RuntsSection | null;

  @Field(() => String, { nullable: true })
  runtsNumber!: string | null;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "Hidden from the public when it is a person's code (a sole trader, 16 characters).",
  })
  codiceFiscale!: string | null;

  @Field(() => String, { nullable: true })
  partitaIva!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164.' })
  contactPhone!: string | null;

  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Field()
  description!: string;

  @Field({ description: 'ISTAT code of the home Comune.' })
  homeComuneIstat!: string;

  @Field()
  createdAt!: Date;
}

@InputType()
export class RegisterOrganisationInput {
  @EnumField(OrganisationKind)
  kind!: OrganisationKind;

  @EnumField(RuntsSection, { optional: true, description: 'Required for ETS.' })
  runtsSection?: RuntsSection;

  @TextField(40, { optional: true })
  runtsNumber?: string;

  @TextField(200)
  name!: string;

  @TextField(32, {
    description: '11 digits for bodies, 16 characters for a sole trader; check digit verified.',
  })
  codiceFiscale!: string;

  @TextField(32, { optional: true, description: '11 digits; check digit verified.' })
  partitaIva?: string;

  @TextField(32, { optional: true })
  contactPhone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @TextField(5000)
  description!: string;

  @Field({ description: 'ISTAT code of the home Comune.' })
  @Matches(ISTAT)
  homeComuneIstat!: string;
}

@InputType()
export class InviteOrganisationMemberInput {
  @IdField()
  organisationId!: string;

  @TextField(32, {
    description:
      'Phone number of the person. They are asked to accept (a number that has not signed up gets an SMS).',
  })
  phone!: string;

  @EnumField(OrganisationMemberRole)
  role!: OrganisationMemberRole;
}

@InputType()
export class RemoveOrganisationMemberInput {
  @IdField()
  organisationId!: string;

  @IdField()
  userId!: string;

  @EnumField(OrganisationMemberRole, { optional: true, description: 'Only this role; both when omitted.' })
  role?: OrganisationMemberRole;
}

@ObjectType()
export class OrganisationMember {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Null while the invitation waits for the invited person’s answer.',
  })
  userId!: string | null;

  @Field(() => OrganisationMemberRole)
  role!: OrganisationMemberRole;

  @Field(() => OrganisationMemberStatus)
  status!: OrganisationMemberStatus;

  @Field(() => Date, { nullable: true, description: 'When an INVITED membership lapses.' })
  invitationExpiresAt!: Date | null;
}

@ObjectType({
  description: 'An invitation to join an organisation, waiting for the invited person’s answer.',
})
export class OrganisationInvitation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  organisationName!: string;

  @Field(() => OrganisationMemberRole)
  role!: OrganisationMemberRole;

  @Field()
  sentAt!: Date;

  @Field({ description: 'After this the invitation can no longer be accepted.' })
  expiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The invited number (E.164): for the organisation’s admins in organisationInvitations; null for the invited person.',
  })
  phone?: string | null;
}

export const OrganisationInvitationPage = PageOf(OrganisationInvitation, 'OrganisationInvitationPage');

@InputType()
export class RevokeOrganisationInvitationInput {
  @IdField()
  invitationId!: string;
}

@ObjectType({ description: 'A person holding a role in an organisation (one entry per person and role).' })
export class OrganisationMembership {
  @Field(() => ID, { description: 'The role held: revoke it with removeOrganisationMember.' })
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => OrganisationMemberRole)
  role!: OrganisationMemberRole;

  @Field(() => String, { nullable: true, description: 'The name the person gave, if any.' })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'E.164: for the organisation’s admins (they invited by it); null for operators.',
  })
  phone!: string | null;

  @Field({ description: 'When the person took the role.' })
  since!: Date;
}

export const OrganisationMembershipPage = PageOf(OrganisationMembership, 'OrganisationMembershipPage');

@ArgsType()
export class OrganisationMembersArgs extends PageArgs {
  @IdField()
  organisationId!: string;
}

@InputType()
export class AnswerOrganisationInvitationInput {
  @IdField()
  invitationId!: string;
}
