import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IdField, registerGraphqlEnums } from '@prossimo/platform';
import { Equals, IsBoolean, IsEnum } from 'class-validator';

@InputType()
export class DeleteMyAccountInput {
  @Field({ description: 'Must be true: the person confirms that the account and its data are to be erased.' })
  @IsBoolean()
  @Equals(true, { message: 'confirm must be true' })
  confirm!: boolean;
}

/** Why staff erased someone's data: a closed list, so that the audit log holds no free text about the person. */
export enum StaffErasureReason {
  /** The person asked the Comune (at the desk, by letter or by phone). */
  PERSON_ASKED = 'person_asked',
  /** A relative or legal guardian asked for a person who cannot (deceased, incapacitated). */
  GUARDIAN_ASKED = 'guardian_asked',
  /** The person withdrew the consent their data rested on. */
  CONSENT_WITHDRAWN = 'consent_withdrawn',
  /** An order of the Garante or a court. */
  LEGAL_ORDER = 'legal_order',
}
registerGraphqlEnums(
  { StaffErasureReason },
  {
    StaffErasureReason: 'Why staff erased the data (recorded in the audit log).',
  },
);

/** What every erasure by staff states: why, and that the operator confirms it. */
@InputType({ isAbstract: true })
abstract class StaffErasureInput {
  @Field(() => StaffErasureReason)
  @IsEnum(StaffErasureReason)
  reason!: StaffErasureReason;

  @Field({ description: 'Must be true: the operator confirms the erasure, which cannot be undone.' })
  @IsBoolean()
  @Equals(true, { message: 'confirm must be true' })
  confirm!: boolean;
}

@InputType()
export class EraseAccountInput extends StaffErasureInput {
  @IdField({ description: 'The account to erase.' })
  userId!: string;
}

@InputType()
export class EraseBeneficiaryInput extends StaffErasureInput {
  @IdField({ description: 'A person without an account: registered at the desk, or a relative.' })
  beneficiaryId!: string;
}

@ObjectType({ description: 'What erasing a desk-registered person did; no personal data.' })
export class BeneficiaryErasure {
  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => Int, {
    description: 'Needs whose personal data was erased (kept anonymous for the indicators).',
  })
  needsAnonymised!: number;

  @Field(() => Int, { description: 'Engagements cancelled; the helpers were told.' })
  engagementsCancelled!: number;

  @Field(() => Int, { description: 'Needs still open that were cancelled.' })
  needsCancelled!: number;
}

@ObjectType({ description: 'The record of an erasure: no personal data, only what was done.' })
export class AccountErasure {
  @Field(() => ID)
  id!: string;

  @Field()
  erasedAt!: Date;

  @Field(() => Int, { description: 'Engagements cancelled; the other parties were told.' })
  engagementsCancelled!: number;

  @Field(() => Int, { description: 'Needs still open that were cancelled.' })
  needsCancelled!: number;

  @Field(() => Int, {
    description:
      "Open engagements of an organisation the person was the contact for, handed to another of the organisation's admins or operators.",
  })
  engagementsHandedOver!: number;
}
