import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IdField, TextField } from '@prossimo/platform';
import { BeneficiaryKind, DeskConsentMethod, NeedCategory, NeedStatus } from '../requests.types';

@ArgsType()
export class DeskPeopleArgs {
  @IdField({ description: 'The territory whose desk searches (you must be its operator).' })
  territoryId!: string;

  @TextField(32, { optional: true, description: 'The whole phone number, as the person says it.' })
  phone?: string;

  @TextField(200, {
    optional: true,
    description: 'Whole words of the name (e.g. the surname, or surname and given name), in any order.',
  })
  name?: string;
}

@ObjectType({ description: 'How and when the person gave consent, and who recorded it.' })
export class DeskConsent {
  @Field(() => Date, { nullable: true })
  recordedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The operator who recorded it: their display name, else their phone number.',
  })
  recordedBy!: string | null;

  @Field(() => DeskConsentMethod, {
    nullable: true,
    description: 'Null for records made before it was asked.',
  })
  method!: DeskConsentMethod | null;

  @Field(() => String, { nullable: true })
  witness!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the separate consent to health data was given.' })
  healthDataAt!: Date | null;
}

@ObjectType()
export class DeskPersonNeed {
  @Field(() => ID)
  id!: string;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field(() => NeedStatus)
  status!: NeedStatus;

  @Field()
  description!: string;

  @Field(() => Date, { nullable: true, description: 'When the help is wanted: the window opens.' })
  windowStart!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the window closes.' })
  windowEnd!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({
  description:
    'A person of the territory known to the desk (registered at a desk, or a relative a citizen posted for). Every read is audited.',
})
export class DeskPerson {
  @Field(() => ID)
  id!: string;

  @Field(() => BeneficiaryKind)
  kind!: BeneficiaryKind;

  @Field()
  fullName!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISTAT code of the Comune where they were registered.',
  })
  comuneIstat!: string | null;

  @Field(() => String, { nullable: true })
  comuneName!: string | null;

  @Field()
  registeredAt!: Date;

  @Field(() => DeskConsent, { nullable: true, description: 'DESK records: the consent given at the desk.' })
  consent!: DeskConsent | null;

  @Field(() => [DeskPersonNeed], {
    description: 'Their needs in your territories, newest first (at most 50).',
  })
  needs!: DeskPersonNeed[];
}
