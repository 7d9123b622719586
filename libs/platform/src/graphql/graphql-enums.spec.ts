import { Test } from '@nestjs/testing';
import { Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, ObjectType } from '@nestjs/graphql';
import { printType } from 'graphql';
import { registerGraphqlEnums } from './graphql-enums';

enum LampColour {
  WARM = 'warm',
  COLD = 'cold',
}
enum LampPower {
  LOW = 'low',
  HIGH = 'high',
}
registerGraphqlEnums({ LampColour, Power: LampPower }, { Power: 'How bright: LOW or HIGH.' });

@ObjectType()
class Lamp {
  @Field(() => LampColour)
  colour!: LampColour;

  @Field(() => LampPower)
  power!: LampPower;
}

describe('registerGraphqlEnums', () => {
  it('registers each enum under its key, with its description where one is given', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    const schema = await moduleRef
      .get(GraphQLSchemaFactory)
      .create([], { orphanedTypes: [Lamp], skipCheck: true });
    expect(printType(schema.getType('LampColour')!)).toBe('enum LampColour {\n  WARM\n  COLD\n}');
    expect(printType(schema.getType('Power')!)).toBe(
      '"""How bright: LOW or HIGH."""\nenum Power {\n  LOW\n  HIGH\n}',
    );
  });
});
