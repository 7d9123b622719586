import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs, PageOf } from '@prossimo/platform';
import { NeedCategory } from '@prossimo/requests';
import { IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';

export enum BatchAssignmentStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  COMPLETED = 'completed',
  FAILED = 'failed',
}

registerEnumType(BatchAssignmentStatus, { name: 'BatchAssignmentStatus' });

@ObjectType({
  description:
    'An optimal assignment of a territory’s open needs in a time slot: most needs served, then least travel.',
})
export class BatchAssignmentRun {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  territoryId!: string;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field()
  windowStart!: Date;

  @Field()
  windowEnd!: Date;

  @Field(() => BatchAssignmentStatus)
  status!: BatchAssignmentStatus;

  @Field({ description: 'Started by the territory’s schedule, not by an operator.' })
  scheduled!: boolean;

  @Field(() => Int, { nullable: true, description: 'Open needs in the slot.' })
  needsCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Helpers who could serve at least one of them.' })
  helpersCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Needs given a helper by the optimal assignment.' })
  served!: number | null;

  @Field(() => Float, { nullable: true, description: 'Total distance from the helpers’ homes, in metres.' })
  totalMeters!: number | null;

  @Field(() => Int, { nullable: true, description: 'What greedy nearest-first would have served.' })
  greedyServed!: number | null;

  @Field(() => Float, { nullable: true, description: 'Greedy nearest-first’s total distance, in metres.' })
  greedyMeters!: number | null;

  @Field(() => Int, { nullable: true, description: 'New proposals sent (a helper already asked is kept).' })
  proposalsSent!: number | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

export const BatchAssignmentRunPage = PageOf(BatchAssignmentRun, 'BatchAssignmentRunPage');

@InputType()
export class RequestBatchAssignmentInput {
  @Field(() => ID)
  @IsUUID()
  territoryId!: string;

  @Field(() => NeedCategory, { defaultValue: NeedCategory.RIDES_AND_ACCOMPANIMENT })
  @IsEnum(NeedCategory)
  category: NeedCategory = NeedCategory.RIDES_AND_ACCOMPANIMENT;

  @Field({ description: 'Needs whose time window overlaps [from, to); at most 7 days.' })
  @IsDate()
  from!: Date;

  @Field()
  @IsDate()
  to!: Date;
}

@ArgsType()
export class BatchAssignmentRunsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  territoryId?: string;
}
