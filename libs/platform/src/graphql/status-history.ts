import { Type } from '@nestjs/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * One status change of a record as GraphQL shows it: from, to, who, why, when. The two status
 * fields are `from` and `to` unless the type names them otherwise (accreditations say `fromStatus`).
 */
export type StatusChangeEntry<
  Status extends string,
  From extends string = 'from',
  To extends string = 'to',
> = {
  [Key in From]: Status | null;
} & { [Key in To]: Status } & {
  actorUserId: string | null;
  reason: string | null;
  createdAt: Date;
};

export interface StatusChangeOptions<From extends string, To extends string> {
  actorDescription?: string;
  /** The names of the two status fields, when they are not `from` and `to`. */
  statusFields?: { from: From; to: To };
  /** Only a base for a type that adds fields of its own (and gives the GraphQL name); not in the schema. */
  isAbstract?: boolean;
}

/**
 * The GraphQL type of a record's status changes (`needHistory`, `engagementHistory`, ...), one
 * shape for every stateful record; `statusEnum` is the record's registered status enum.
 */
export function StatusChangeOf<Status extends string, From extends string = 'from', To extends string = 'to'>(
  statusEnum: object,
  name: string,
  options: StatusChangeOptions<From, To> = {},
): Type<StatusChangeEntry<Status, From, To>> {
  @ObjectType(name, { isAbstract: options.isAbstract })
  class StatusChangeType {
    @Field(() => ID, { nullable: true, description: options.actorDescription })
    actorUserId!: string | null;

    @Field(() => String, { nullable: true })
    reason!: string | null;

    @Field()
    createdAt!: Date;
  }
  // The status fields take their names from the options, so they are declared here, not in the body.
  const statusFields = options.statusFields ?? { from: 'from', to: 'to' };
  Field(() => statusEnum, { nullable: true })(StatusChangeType.prototype, statusFields.from);
  Field(() => statusEnum)(StatusChangeType.prototype, statusFields.to);
  return StatusChangeType as Type<StatusChangeEntry<Status, From, To>>;
}
