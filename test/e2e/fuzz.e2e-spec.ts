import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { runMigrations } from '@prossimo/platform';
import { signUp } from '../support/fixtures';
import { startStackForFile } from '../support/stack';
import { createDatabase, databaseUrlFor, dropDatabase, newDatabaseName } from '../support/test-database';

const OPERATIONS_PER_RUN = Number(process.env.FUZZ_OPERATIONS ?? 2000);
// Operations that would end the fuzzer's own session; they are covered by the sign-up tests.
const SKIPPED = new Set(['signOut', 'refreshSession']);

const uuid = fc.uuid();
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    "'; DROP TABLE users; --",
    '<script>alert(1)</script>',
    '%',
    '\\',
    'ç',
    '🚑🚑',
  ),
  fc.integer({ min: 1000, max: 20000 }).map((length) => 'x'.repeat(length)),
);
const scalarValue: Record<string, fc.Arbitrary<unknown>> = {
  String: nastyString,
  ID: fc.oneof(uuid, nastyString),
  Int: fc.oneof(fc.integer({ min: -2147483648, max: 2147483647 }), fc.constantFrom(0, -1, 1, 100, 101)),
  Float: fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
    fc.constantFrom(0, -90, 90, 180, -180, 45.07, 7.68, 91, -181),
  ),
  Boolean: fc.boolean(),
  DateTime: fc.oneof(
    fc
      .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    fc.constantFrom('2026-13-45T99:99:99Z', 'yesterday'),
  ),
};

function valueFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, depth);
  if (isListType(type)) {
    return depth > 3 ? fc.constant([]) : fc.array(valueFor(type.ofType, depth + 1), { maxLength: 4 });
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (depth > 3) return fc.constant({});
    return fc.record(
      Object.fromEntries(fields.map((field) => [field.name, argumentValue(field.type, depth + 1)])),
      { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) },
    );
  }
  if (isScalarType(type)) return scalarValue[type.name] ?? nastyString;
  return fc.constant(null);
}

function argumentValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  // Nullable inputs are sometimes left out, so that defaults and optional paths run too.
  return isNonNullType(type) ? valueFor(type, depth) : fc.option(valueFor(type, depth), { nil: undefined });
}

/** Scalars of the returned type and one level of their objects: enough to run field resolvers. */
function selectionFor(type: GraphQLObjectType, depth = 0): string {
  const fields = Object.values(type.getFields()).filter((field) =>
    field.args.every((arg) => !isNonNullType(arg.type)),
  );
  const parts = fields.flatMap((field) => {
    const named = getNamedType(field.type);
    if (isObjectType(named)) return depth < 2 ? [`${field.name} ${selectionFor(named, depth + 1)}`] : [];
    return [field.name];
  });
  return `{ ${parts.length ? parts.join(' ') : '__typename'} }`;
}

interface FuzzCase {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

function document({ operation, field }: FuzzCase): string {
  const variables = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${arg.type.toString()}`);
  const call = field.args.length
    ? `(${field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})`
    : '';
  const returned = getNamedType(field.type);
  const selection = isObjectType(returned) ? selectionFor(returned) : '';
  return `${operation} Fuzz${variables.length ? `(${variables.join(', ')})` : ''} { ${field.name}${call} ${selection} }`;
}

describe('Fuzzing the GraphQL api with schema-valid random operations', () => {
  let databaseName: string;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    // Its own database: the fuzzer's junk must not change what other test files see.
    databaseName = newDatabaseName();
    await createDatabase(databaseName);
    await runMigrations({ DATABASE_URL: databaseUrlFor(databaseName), DATABASE_POOL_SIZE: 2 });
  });
  const stack = startStackForFile(() => ({ env: { DATABASE_URL: databaseUrlFor(databaseName) } }));
  afterAll(async () => {
    await dropDatabase(databaseName);
  });
  beforeAll(() => {
    schema = stack.api.get(GraphQLSchemaHost).schema;
  });

  it(`answers ${OPERATIONS_PER_RUN} random operations without a server error, each error with a code`, async () => {
    const citizen = await signUp(stack);
    const cases: FuzzCase[] = [
      ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({
        operation: 'query' as const,
        field,
      })),
      ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({
        operation: 'mutation' as const,
        field,
      })),
    ].filter((fuzzCase) => !SKIPPED.has(fuzzCase.field.name));
    expect(cases.length).toBeGreaterThan(5);

    const failures: string[] = [];
    const seen = new Map<string, number>();
    const runs = Math.ceil(OPERATIONS_PER_RUN / cases.length);
    for (const fuzzCase of cases) {
      const query = document(fuzzCase);
      const argumentsArbitrary = fc.record(
        Object.fromEntries(fuzzCase.field.args.map((arg) => [arg.name, argumentValue(arg.type, 0)])),
      );
      const samples = fc.sample(fc.tuple(argumentsArbitrary, fc.boolean()), {
        numRuns: runs,
        seed: 20261121,
      });
      for (const [variables, signedIn] of samples) {
        const result = await stack.graphql(query, variables as Record<string, unknown>, {
          token: signedIn ? citizen.token : undefined,
        });
        for (const error of result.errors ?? []) {
          const code = error.extensions?.code;
          seen.set(String(code), (seen.get(String(code)) ?? 0) + 1);
          if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR') {
            failures.push(
              `${fuzzCase.field.name} ${JSON.stringify(variables).slice(0, 300)} -> ${code}: ${error.message}`,
            );
          }
        }
        if (result.status >= 500) failures.push(`${fuzzCase.field.name} -> HTTP ${result.status}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(seen.size).toBeGreaterThan(1);
  });
});
