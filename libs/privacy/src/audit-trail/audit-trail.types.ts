import { ArgsType, Field, ID, Int, IntersectionType, ObjectType } from '@nestjs/graphql';
import { IdField, PageArgs, PageOf, TextField } from '@prossimo/platform';
import { Role } from '@prossimo/identity';
import { ArrayMaxSize, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@ObjectType({ description: 'One entry of the append-only audit log.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field()
  action!: string;

  @Field()
  entityType!: string;

  @Field(() => ID, { nullable: true })
  entityId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who did it (an id; null for the system).' })
  actorUserId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name the actor gave (null for the system, or a person who gave none).',
  })
  actorName!: string | null;

  @Field(() => [Role], {
    description:
      'The roles the actor holds now in this territory (operator, moderator) or platform-wide (admin); empty for anyone else.',
  })
  actorRoles!: Role[];

  @Field(() => ID, { nullable: true })
  territoryId!: string | null;

  @Field({ description: 'Ids and codes only, as JSON.' })
  details!: string;

  @Field()
  createdAt!: Date;
}
export const AuditEntryPage = PageOf(AuditEntry, 'AuditEntryPage');

/** A calendar day as the Comune reads it. */
const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class AuditFilterArgs {
  @IdField()
  territoryId!: string;

  @TextField(80, { optional: true, description: 'Only this action, e.g. "need.sensitive_notes_read".' })
  action?: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only these actions: each an action ("desk.person_read") or a family ending with a dot ("moderation."). At most 20.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  actions?: string[];

  @IdField({
    optional: true,
    description: 'Only what was done to this record (its id, e.g. a need, a person, an offer).',
  })
  entityId?: string;

  @IdField({ optional: true, description: 'Only what this person did.' })
  actorUserId?: string;

  @Field(() => String, { nullable: true, description: 'From this day, YYYY-MM-DD (Europe/Rome), included.' })
  @IsOptional()
  @Matches(LOCAL_DAY)
  from?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Up to this day, YYYY-MM-DD (Europe/Rome), included. AUDIT_PERIOD_REVERSED before `from`.',
  })
  @IsOptional()
  @Matches(LOCAL_DAY)
  to?: string;
}

/** The filters and a page of the trail. */
@ArgsType()
export class AuditTrailArgs extends IntersectionType(PageArgs, AuditFilterArgs, ArgsType) {}

@ObjectType()
export class AuditTrailCsv {
  @Field({ description: 'A suggested file name.' })
  fileName!: string;

  @Field({ description: 'RFC 4180 CSV, UTF-8, comma separated, header row first, newest first.' })
  csv!: string;

  @Field(() => Int)
  rowCount!: number;
}
