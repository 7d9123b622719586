import { Type } from '@nestjs/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';

/** One status change of a record as GraphQL shows it: from, to, who, why, when. */
export interface StatusChangeEntry<Status extends string> {
  from: Status | null;
  to: Status;
  actorUserId: string | null;
  reason: string | null;
  createdAt: Date;
}

/**
 * The GraphQL type of a record's status changes (`needHistory`, `engagementHistory`, ...), one
 * shape for every stateful record; `statusEnum` is the record's registered status enum.
 */
export function StatusChangeOf<Status extends string>(
  statusEnum: object,
  name: string,
  options: { actorDescription?: string } = {},
): Type<StatusChangeEntry<Status>> {
  @ObjectType(name)
  class StatusChangeType {
    @Field(() => statusEnum, { nullable: true })
    from!: Status | null;

    @Field(() => statusEnum)
    to!: Status;

    @Field(() => ID, { nullable: true, description: options.actorDescription })
    actorUserId!: string | null;

    @Field(() => String, { nullable: true })
    reason!: string | null;

    @Field()
    createdAt!: Date;
  }
  return StatusChangeType;
}
