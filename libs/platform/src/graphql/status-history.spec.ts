import { Test } from '@nestjs/testing';
import {
  Field,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  ID,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import { printType } from 'graphql';
import { StatusChangeOf } from './status-history';

enum LampStatus {
  ON = 'ON',
  OFF = 'OFF',
}
registerEnumType(LampStatus, { name: 'LampStatus' });

const LampStatusChange = StatusChangeOf<LampStatus>(LampStatus, 'LampStatusChange', {
  actorDescription: 'Null when the timer switched it.',
});

@ObjectType({ description: 'A switch of one lamp.' })
class LampSwitch extends StatusChangeOf<LampStatus, 'fromStatus', 'toStatus'>(LampStatus, 'LampSwitchBase', {
  statusFields: { from: 'fromStatus', to: 'toStatus' },
  isAbstract: true,
}) {
  @Field(() => ID)
  lampId!: string;
}

@Resolver()
class LampResolver {
  @Query(() => [LampStatusChange])
  lampHistory(): never[] {
    return [];
  }

  @Query(() => [LampSwitch])
  lampSwitches(): never[] {
    return [];
  }
}

describe('StatusChangeOf', () => {
  let schema: Awaited<ReturnType<GraphQLSchemaFactory['create']>>;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    schema = await moduleRef.get(GraphQLSchemaFactory).create([LampResolver]);
  });

  it('shows from, to, who, why and when, the status fields typed by the record’s enum', () => {
    expect(printType(schema.getType('LampStatusChange')!)).toBe(
      [
        'type LampStatusChange {',
        '  """Null when the timer switched it."""',
        '  actorUserId: ID',
        '  reason: String',
        '  createdAt: DateTime!',
        '  from: LampStatus',
        '  to: LampStatus!',
        '}',
      ].join('\n'),
    );
  });

  it('names the status fields as asked and is a base only, for a type that adds its own fields', () => {
    expect(schema.getType('LampSwitchBase')).toBeUndefined();
    expect(printType(schema.getType('LampSwitch')!)).toBe(
      [
        '"""A switch of one lamp."""',
        'type LampSwitch {',
        '  actorUserId: ID',
        '  reason: String',
        '  createdAt: DateTime!',
        '  fromStatus: LampStatus',
        '  toStatus: LampStatus!',
        '  lampId: ID!',
        '}',
      ].join('\n'),
    );
  });
});
