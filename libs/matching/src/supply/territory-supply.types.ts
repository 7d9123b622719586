import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { NeedCategory } from '@prossimo/requests';
import { IsEnum, IsOptional } from 'class-validator';
import { IdField } from '@prossimo/platform';

@ObjectType({
  description:
    'Who could help in one Comune of a territory, and what waits there now: the supply side of the Comune’s map.',
})
export class ComuneSupply {
  @Field()
  comuneIstat!: string;

  @Field(() => Int, {
    description:
      'Volunteers with a published profile (active, verified) whose travel radius reaches the Comune’s centre; of the category, if given.',
  })
  volunteers!: number;

  @Field(() => Int, {
    description:
      'Published, active service offers that serve the Comune (its list of Comuni, or a radius reaching its centre), of organisations accredited there; of the category, if given.',
  })
  serviceOffers!: number;

  @Field(() => Int, { description: 'Needs open now (their time not over); of the category, if given.' })
  openNeeds!: number;
}

@ArgsType()
export class TerritorySupplyArgs {
  @IdField()
  territoryId!: string;

  @Field(() => NeedCategory, {
    nullable: true,
    description: 'Only helpers, offers and needs of this category.',
  })
  @IsOptional()
  @IsEnum(NeedCategory)
  category?: NeedCategory;
}
