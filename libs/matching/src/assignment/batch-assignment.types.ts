import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IdField, PageArgs, PageOf, registerGraphqlEnums } from '@prossimo/platform';
import { NeedCategory } from '@prossimo/requests';
import { IsBoolean, IsDate, IsEnum, IsOptional } from 'class-validator';

export enum BatchAssignmentStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  /** Planned, waiting for an operator to publish it (asked with publish: false). */
  PLANNED = 'planned',
  PUBLISHING = 'publishing',
  COMPLETED = 'completed',
  FAILED = 'failed',
}

export enum BatchHelperKind {
  VOLUNTEER = 'volunteer',
  ORGANISATION = 'organisation',
}
registerGraphqlEnums(
  { BatchAssignmentStatus, BatchHelperKind },
  {
    BatchAssignmentStatus:
      'QUEUED and RUNNING: being planned. PLANNED: the plan waits to be published (see batchAssignmentPlan). ' +
      'PUBLISHING: its proposals are being sent. COMPLETED, FAILED: done.',
  },
);

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

  @Field(() => Date, {
    nullable: true,
    description: 'When the plan was ready (runs asked with publish: false).',
  })
  plannedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an operator published the plan.' })
  publishedAt!: Date | null;

  @Field(() => Int, {
    description: 'Changes operators made to the plan before publishing it (see editBatchPlanEntry).',
  })
  edits!: number;

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
  @IdField()
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

  @Field(() => Boolean, {
    defaultValue: true,
    description:
      'false: only plan, and wait (status PLANNED) for publishBatchAssignment after looking at the plan; ' +
      'true: send the proposals as soon as it is planned.',
  })
  @IsOptional()
  @IsBoolean()
  publish: boolean = true;
}

@InputType()
export class PublishBatchAssignmentInput {
  @IdField()
  runId!: string;
}

@ObjectType({ description: 'One need of a planned batch assignment, and the helper the plan gives it.' })
export class BatchPlanEntry {
  @Field(() => ID)
  needId!: string;

  @Field(() => NeedCategory)
  category!: NeedCategory;

  @Field({ description: 'The need as its author wrote it (no sensitive notes).' })
  description!: string;

  @Field()
  comuneIstat!: string;

  @Field()
  windowStart!: Date;

  @Field(() => BatchHelperKind, { nullable: true, description: 'Null: nobody in the plan for this need.' })
  helperKind!: BatchHelperKind | null;

  @Field(() => String, { nullable: true, description: 'The volunteer’s or the organisation’s public name.' })
  helperName!: string | null;

  @Field(() => Float, { nullable: true, description: 'From the helper’s home (or base), in metres.' })
  meters!: number | null;

  @Field({ description: 'The helper had already been asked for this need when it was planned.' })
  alreadyAsked!: boolean;

  @Field(() => ID, { nullable: true, description: 'The volunteer (or the organisation’s contact) planned.' })
  helperUserId!: string | null;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;
}

export const BatchPlanEntryPage = PageOf(BatchPlanEntry, 'BatchPlanEntryPage');

@ArgsType()
export class BatchAssignmentPlanArgs extends PageArgs {
  @IdField()
  runId!: string;
}

@ArgsType()
export class BatchAssignmentRunsArgs extends PageArgs {
  @IdField({ optional: true })
  territoryId?: string;
}

@InputType({
  description:
    'A change to a plan that waits (PLANNED): without helperUserId and organisationId the need is taken out ' +
    'of the plan (it stays open, nobody new is asked for it); with one of them, the need goes to that helper.',
})
export class EditBatchPlanEntryInput {
  @IdField()
  runId!: string;

  @IdField()
  needId!: string;

  @IdField({ optional: true })
  helperUserId?: string | null;

  @IdField({ optional: true })
  organisationId?: string | null;
}

@ObjectType({ description: 'A plan after a change: its totals and the need changed.' })
export class BatchPlanEdit {
  @Field(() => BatchAssignmentRun)
  run!: BatchAssignmentRun;

  @Field(() => BatchPlanEntry)
  entry!: BatchPlanEntry;
}

@ObjectType({
  description:
    'A helper who could take a need of a plan: eligible by the matching engine’s rules (availability, area, ' +
    'category, capacity, blocks; or already asked for it) and free at its time with the rest of the plan.',
})
export class BatchPlanCandidate {
  @Field(() => BatchHelperKind)
  helperKind!: BatchHelperKind;

  @Field(() => ID)
  helperUserId!: string;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field()
  helperName!: string;

  @Field(() => Float, { description: 'From the helper’s home (or base), in metres.' })
  meters!: number;

  @Field({ description: 'The helper already holds a proposal for this need.' })
  alreadyAsked!: boolean;

  @Field({ description: 'The helper the plan gives the need now.' })
  current!: boolean;

  @Field(() => Int, { description: 'Other needs of this plan the helper has.' })
  otherNeeds!: number;
}

@ArgsType()
export class BatchPlanCandidatesArgs {
  @IdField()
  runId!: string;

  @IdField()
  needId!: string;
}
