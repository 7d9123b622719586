import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  validateSync,
  ValidateNested,
} from 'class-validator';
import { EnumField, IdField, IntField, NestedField, TextField, TimeOfDayField } from './input-fields';

enum Colour {
  RED = 'red',
  GREEN = 'green',
}

@InputType('InputFieldsSpecPoint')
class Point {
  @IntField({ min: 0, max: 9 })
  x!: number;
}

@InputType('InputFieldsSpecFolded')
class Folded {
  @TextField(20, { description: 'A name.' })
  name!: string;

  @TextField(200, { optional: true })
  note?: string;

  @IdField()
  id!: string;

  @EnumField(Colour, { optional: true })
  colour?: Colour;

  @IntField({ min: 1, max: 8 }, { defaultValue: 1 })
  seats: number = 1;

  @NestedField(() => Point, { optional: true })
  point?: Point;

  @TimeOfDayField({ optional: true })
  at?: string;
}

/** The same rules spelled out decorator by decorator, as the inputs were written before. */
@InputType('InputFieldsSpecSpelledOut')
class SpelledOut {
  @Field({ description: 'A name.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;

  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Colour, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Colour))
  colour?: Colour;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  @Max(8)
  seats: number = 1;

  @Field(() => Point, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => Point)
  point?: Point;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  at?: string;
}

const rulesOf = (target: new () => object) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(target, '', false, false)
    .map(
      (rule) => `${rule.propertyName} ${rule.type} ${rule.name ?? ''} ${JSON.stringify(rule.constraints)}`,
    );

/** The first failing rule of each field, as the validation pipe reports it. */
const firstProblems = (input: object) =>
  validateSync(input).map((error) => `${error.property}: ${Object.keys(error.constraints ?? {})[0]}`);

describe('input field decorators', () => {
  it('register the same rules, in the same order, as the decorators spelled out', () => {
    expect(rulesOf(Folded)).toEqual(rulesOf(SpelledOut));
    expect(rulesOf(Folded)).toContain('note conditionalValidation isOptional [null]');
  });

  it('report the same first problem of each field', () => {
    const wrong = {
      name: 42,
      note: 'x'.repeat(201),
      id: 'not-a-uuid',
      colour: 'blue',
      seats: 9,
      at: '24:00',
    };
    const problems = firstProblems(Object.assign(new Folded(), wrong));
    expect(problems).toEqual(firstProblems(Object.assign(new SpelledOut(), wrong)));
    expect(problems).toEqual([
      'name: maxLength',
      'note: maxLength',
      'id: isUuid',
      'colour: isIn',
      'seats: max',
      'at: matches',
    ]);
    expect(
      firstProblems(Object.assign(new Folded(), { name: '', id: '0b7e4b6e-0d3a-4a6e-9c3b-2f1d5e6a7b8c' })),
    ).toEqual(['name: isNotEmpty']);
  });
});
