// Field decorators for GraphQL inputs: the GraphQL field and its class-validator rules declared
// together, so a rule (a text's length, a UUID, a nested input) is written once per field.
import { Field, FieldOptions, Float, ID, Int, ReturnTypeFuncValue } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { TIME_OF_DAY_PATTERN } from '../i18n/wall-clock';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** The field's GraphQL options; `optional` makes it nullable and lets validation skip it when absent. */
export type InputFieldOptions = Omit<FieldOptions, 'nullable'> & { optional?: boolean };

/**
 * Applies the decorators as if they were written one above the other in this order: the last is
 * applied first, as TypeScript does, so class-validator runs the rules (and reports the first that
 * fails) in the same order as when they were spelled out field by field.
 */
function stacked(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };
}

function field(type: () => ReturnTypeFuncValue, options: InputFieldOptions, rules: PropertyDecorator[]) {
  const { optional, ...fieldOptions } = options;
  return stacked([
    Field(type, optional ? { ...fieldOptions, nullable: true } : fieldOptions),
    ...(optional ? [IsOptional()] : []),
    ...rules,
  ]);
}

/** A string of at most `max` characters; when required, also not empty. */
export function TextField(max: number, options: InputFieldOptions = {}): PropertyDecorator {
  return field(() => String, options, [
    IsString(),
    ...(options.optional ? [] : [IsNotEmpty()]),
    MaxLength(max),
  ]);
}

/** The UUID of a row. */
export function IdField(options: InputFieldOptions = {}): PropertyDecorator {
  return field(() => ID, options, [IsUUID()]);
}

/** One of an enum's values. */
export function EnumField(values: object, options: InputFieldOptions = {}): PropertyDecorator {
  return field(() => values, options, [IsIn(Object.values(values))]);
}

/** A whole number from `min` to `max` (either bound may be left out). */
export function IntField(
  range: { min?: number; max?: number },
  options: InputFieldOptions = {},
): PropertyDecorator {
  return field(() => Int, options, [
    IsInt(),
    ...(range.min === undefined ? [] : [Min(range.min)]),
    ...(range.max === undefined ? [] : [Max(range.max)]),
  ]);
}

/** Degrees of latitude, -90 to 90. */
export function LatitudeField(options: InputFieldOptions = {}): PropertyDecorator {
  return field(() => Float, options, [IsNumber(), Min(-90), Max(90)]);
}

/** Degrees of longitude, -180 to 180. */
export function LongitudeField(options: InputFieldOptions = {}): PropertyDecorator {
  return field(() => Float, options, [IsNumber(), Min(-180), Max(180)]);
}

/** A nested input, validated and built as an instance of its class. */
export function NestedField(
  type: () => new () => object,
  options: InputFieldOptions = {},
): PropertyDecorator {
  return field(type, options, [ValidateNested(), Type(type)]);
}

/** A time of day, "HH:MM" (TIME_OF_DAY_PATTERN). */
export function TimeOfDayField(options: InputFieldOptions = {}): PropertyDecorator {
  return field(() => String, options, [Matches(TIME_OF_DAY_PATTERN)]);
}
