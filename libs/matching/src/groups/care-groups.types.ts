import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IdField, PageArgs, PageOf, TextField, registerGraphqlEnums } from '@prossimo/platform';
import { WeeklySlot } from '@prossimo/requests';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';

export enum CareGroupStatus {
  PROPOSED = 'proposed',
  CONFIRMED = 'confirmed',
  DISSOLVED = 'dissolved',
}

export enum CareGroupMemberStatus {
  INVITED = 'invited',
  CONFIRMED = 'confirmed',
  LEFT = 'left',
}

registerGraphqlEnums(
  { CareGroupStatus, CareGroupMemberStatus },
  {
    CareGroupStatus: 'PROPOSED: waiting for every household; CONFIRMED: the shared carer starts; DISSOLVED.',
  },
);

@ObjectType({ description: 'One household’s quote in a shared-caregiver group (amounts in euro cents).' })
export class CareGroupQuote {
  @Field(() => ID, { description: 'The household’s shared-caregiver need.' })
  needId!: string;

  @Field(() => CareGroupMemberStatus)
  status!: CareGroupMemberStatus;

  @Field(() => Int, { description: 'Hourly price for the group’s size, from the offer’s bands.' })
  priceCentsPerHour!: number;

  @Field(() => Int, { description: 'Hourly price of the same offer for one household alone.' })
  individualPriceCentsPerHour!: number;

  @Field(() => Int)
  savingCentsPerHour!: number;

  @Field(() => Int, { description: 'This household’s exact share of the group’s weekly total.' })
  weeklyCents!: number;

  @Field(() => Int, { description: 'What the same weekly hours would cost alone.' })
  individualWeeklyCents!: number;

  @Field(() => Int)
  weeklySavingCents!: number;

  @Field()
  joinedAt!: Date;

  @Field(() => Date, { nullable: true })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  leftAt!: Date | null;
}

@ObjectType()
export class CareGroupOffer {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field()
  organisationName!: string;
}

@ObjectType({ description: 'Households nearby sharing one carer ("badante condivisa") through an offer.' })
export class CareGroup {
  @Field(() => ID)
  id!: string;

  @Field(() => CareGroupStatus)
  status!: CareGroupStatus;

  @Field()
  comuneIstat!: string;

  @Field(() => CareGroupOffer)
  offer!: CareGroupOffer;

  @Field(() => [WeeklySlot], { description: 'The weekly times every household shares.' })
  sharedSchedule!: WeeklySlot[];

  @Field(() => Int, { description: 'Weekly minutes of shared care the quotes are computed on.' })
  weeklyMinutes!: number;

  @Field(() => Int, { description: 'Households in the group now.' })
  householdCount!: number;

  @Field(() => [CareGroupQuote], { description: 'The quotes of the caller’s own households.' })
  myQuotes!: CareGroupQuote[];

  @Field(() => [CareGroupQuote], {
    nullable: true,
    description: 'Every household’s quote: Comune staff of the territory and the offering organisation only.',
  })
  members!: CareGroupQuote[] | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  dissolvedAt!: Date | null;
}

export const CareGroupPage = PageOf(CareGroup, 'CareGroupPage');

@InputType()
export class CareGroupMemberInput {
  @IdField()
  groupId!: string;

  @IdField({ description: 'The household’s need in the group.' })
  needId!: string;
}

@InputType()
export class LeaveCareGroupInput extends CareGroupMemberInput {
  @TextField(500, { optional: true, description: 'Why the household leaves (kept in the status history).' })
  reason?: string;
}

@ArgsType()
export class OrganisationCareGroupsArgs extends PageArgs {
  @Field(() => CareGroupStatus, { nullable: true, description: 'Only groups in this state.' })
  @IsOptional()
  @IsEnum(CareGroupStatus)
  status?: CareGroupStatus;
}

@ArgsType()
export class TerritoryCareGroupsArgs extends PageArgs {
  @Field(() => CareGroupStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CareGroupStatus)
  status?: CareGroupStatus;

  @Field(() => String, { nullable: true, description: 'Only this Comune (ISTAT code).' })
  @IsOptional()
  @IsString()
  @Length(6, 6)
  comuneIstat?: string;
}
