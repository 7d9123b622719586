// GraphQL types of accreditation (directory.types.ts re-exports them).

import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { PageArgs, PageOf } from '@prossimo/platform';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AccreditationStatus } from './accreditation-rules';
import { AccreditationDecision } from '../enums/directory-enums';

// ---------- Accreditation ----------

@ObjectType({ description: 'An organisation qualified (or not) by the Comune for one territory.' })
export class Accreditation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  organisationName!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field(() => AccreditationStatus)
  status!: AccreditationStatus;

  @Field(() => String, { nullable: true, description: 'Reason of the last decision.' })
  reason!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const AccreditationPage = PageOf(Accreditation, 'AccreditationPage');

@InputType()
export class RequestAccreditationInput {
  @Field(() => ID)
  @IsUUID()
  organisationId!: string;

  @Field(() => ID)
  @IsUUID()
  territoryId!: string;
}

@InputType()
export class StartAccreditationReviewInput {
  @Field(() => ID)
  @IsUUID()
  accreditationId!: string;
}

@InputType()
export class DecideAccreditationInput {
  @Field(() => ID)
  @IsUUID()
  accreditationId!: string;

  @Field(() => AccreditationDecision)
  @IsIn(Object.values(AccreditationDecision))
  decision!: AccreditationDecision;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

@ArgsType()
export class AccreditationRequestsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  territoryId?: string;

  @Field(() => AccreditationStatus, {
    nullable: true,
    description: 'Defaults to the open ones (SUBMITTED and UNDER_REVIEW).',
  })
  @IsOptional()
  @IsIn(Object.values(AccreditationStatus))
  status?: AccreditationStatus;
}

@ObjectType({ description: 'One status change of an accreditation: who, when, why.' })
export class AccreditationHistoryEntry {
  @Field(() => ID)
  accreditationId!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field(() => AccreditationStatus, { nullable: true })
  fromStatus!: AccreditationStatus | null;

  @Field(() => AccreditationStatus)
  toStatus!: AccreditationStatus;

  @Field(() => ID, { nullable: true })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  createdAt!: Date;
}
