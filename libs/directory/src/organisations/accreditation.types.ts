// GraphQL types of accreditation (directory.types.ts re-exports them).

import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { EnumField, IdField, PageArgs, PageOf, StatusChangeOf, TextField } from '@prossimo/platform';
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
  @IdField()
  organisationId!: string;

  @IdField()
  territoryId!: string;
}

@InputType()
export class StartAccreditationReviewInput {
  @IdField()
  accreditationId!: string;
}

@InputType()
export class DecideAccreditationInput {
  @IdField()
  accreditationId!: string;

  @EnumField(AccreditationDecision)
  decision!: AccreditationDecision;

  @TextField(1000)
  reason!: string;
}

@ArgsType()
export class AccreditationRequestsArgs extends PageArgs {
  @IdField({ optional: true })
  territoryId?: string;

  @EnumField(AccreditationStatus, {
    optional: true,
    description: 'Defaults to the open ones (SUBMITTED and UNDER_REVIEW).',
  })
  status?: AccreditationStatus;
}

// Built on platform's status-change type like the other status histories; the status fields keep
// their published names (fromStatus, toStatus) and the entry says which accreditation it is about.
@ObjectType({ description: 'One status change of an accreditation: who, when, why.' })
export class AccreditationHistoryEntry extends StatusChangeOf<AccreditationStatus, 'fromStatus', 'toStatus'>(
  AccreditationStatus,
  'AccreditationStatusChange',
  { statusFields: { from: 'fromStatus', to: 'toStatus' }, isAbstract: true },
) {
  @Field(() => ID)
  accreditationId!: string;

  @Field(() => ID)
  territoryId!: string;
}
