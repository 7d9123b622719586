// GraphQL outputs of needs (requests.types.ts re-exports them).

import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageOf, StatusChangeEntry, StatusChangeOf } from '@prossimo/platform';
import { NeedStatus } from '../lifecycle/need-status';
import {
  AccessibilityNeed,
  BeneficiaryKind,
  NeedAccess,
  NeedCategory,
  NeedSource,
  NeedUrgency,
} from './need-enums';

// ----- outputs -----

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lon!: number;
}

@ObjectType()
export class RideDetails {
  @Field(() => String, { nullable: true, description: 'Null for people who may not see the address.' })
  pickupPlace!: string | null;

  @Field(() => GeoPoint, {
    description: 'Rounded to about a kilometre for people who may not see the address.',
  })
  pickupLocation!: GeoPoint;

  @Field()
  destinationPlace!: string;

  @Field(() => GeoPoint)
  destinationLocation!: GeoPoint;

  @Field()
  appointmentAt!: Date;

  @Field()
  returnTripWanted!: boolean;

  @Field(() => Date, { nullable: true })
  returnAt!: Date | null;

  @Field()
  wheelchair!: boolean;

  @Field()
  escortWaits!: boolean;

  @Field(() => Int)
  passengers!: number;
}

@ObjectType()
export class WeeklySlot {
  @Field(() => Int)
  dayOfWeek!: number;

  @Field()
  start!: string;

  @Field()
  end!: string;
}

@ObjectType()
export class SharedCaregiverDetails {
  @Field(() => Int)
  weeklyHours!: number;

  @Field(() => [WeeklySlot])
  weeklySchedule!: WeeklySlot[];

  @Field()
  willingToShare!: boolean;

  @Field(() => Int, { nullable: true })
  maxPricePerHourCents!: number | null;
}

@ObjectType()
export class NeedDetails {
  @Field(() => RideDetails, { nullable: true })
  ride!: RideDetails | null;

  @Field(() => SharedCaregiverDetails, { nullable: true })
  sharedCaregiver!: SharedCaregiverDetails | null;
}

@ObjectType({
  description: 'The person a need is for. Shown only to them, their family member, and the Comune.',
})
export class Beneficiary {
  @Field(() => ID)
  id!: string;

  @Field(() => BeneficiaryKind)
  kind!: BeneficiaryKind;

  @Field(() => String, { nullable: true, description: 'Null for SELF: the author is the person.' })
  fullName!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'DESK: the codice fiscale, if the person gave it. Staff reads are audited.',
  })
  codiceFiscale!: string | null;

  @Field(() => String, { nullable: true })
  relationship!: string | null;

  @Field(() => Date, { nullable: true, description: 'DESK: when the person gave consent.' })
  consentRecordedAt!: Date | null;
}

@ObjectType()
export class Need {
  @Field(() => ID)
  id!: string;

  @Field(() => NeedSource)
  source!: NeedSource;

  @Field(() => NeedStatus)
  status!: NeedStatus;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field()
  description!: string;

  @Field()
  comuneIstat!: string;

  @Field(() => GeoPoint, {
    description: 'Rounded to about a kilometre for people who may not see the address.',
  })
  location!: GeoPoint;

  @Field(() => Date, { nullable: true })
  windowStart!: Date | null;

  @Field(() => Date, { nullable: true })
  windowEnd!: Date | null;

  @Field(() => NeedUrgency)
  urgency!: NeedUrgency;

  @Field()
  language!: string;

  @Field(() => [AccessibilityNeed])
  accessibilityNeeds!: AccessibilityNeed[];

  @Field(() => Int, { nullable: true })
  maxDistanceKm!: number | null;

  @Field(() => NeedDetails)
  details!: NeedDetails;

  @Field({ description: 'OPEN and published by moderation: helpers can see and answer it.' })
  visibleToHelpers!: boolean;

  @Field(() => Date, { nullable: true })
  openedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  // Not in the schema: what the resolver needs to answer the personal fields for this viewer.
  access!: NeedAccess;
  viewerUserId!: string;
  authorUserId!: string | null;
  beneficiaryId!: string | null;
  addressEncrypted!: string | null;
  sensitiveNotesEncrypted!: string | null;
}

export const NeedPage = PageOf(Need, 'NeedPage');

export const NeedStatusChange = StatusChangeOf<NeedStatus>(NeedStatus, 'NeedStatusChange', {
  actorDescription: 'Null when the system made the change (e.g. expiry).',
});
export type NeedStatusChange = StatusChangeEntry<NeedStatus>;
