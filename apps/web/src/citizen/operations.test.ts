import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { addTypenameToDocument } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { describe, expect, it } from 'vitest';
import * as operations from './operations';

// graphql-query-complexity is CommonJS: its graphql and the schema's must be the same module.
const require = createRequire(import.meta.url);
const graphql = require('graphql') as typeof import('graphql');
const { getComplexity, simpleEstimator } =
  require('graphql-query-complexity') as typeof import('graphql-query-complexity');

// The api refuses a query costing more than GRAPHQL_MAX_COST (1000 by default): a list costs its
// items times `first` (libs/platform/src/graphql/limits.ts). A page whose query costs more never loads.
const MAX_COST = 1000;
const pageSize: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' && args.first > 0 ? 1 + childComplexity * args.first : undefined;
const schema = graphql.buildSchema(
  readFileSync(fileURLToPath(new URL('../../../../schema.graphql', import.meta.url)), 'utf8'),
);

/** Some value of a type (the cost depends only on page sizes, never on these). */
function sample(type: import('graphql').GraphQLInputType): unknown {
  if (graphql.isNonNullType(type)) return sample(type.ofType);
  if (graphql.isListType(type)) return [];
  if (graphql.isEnumType(type)) return type.getValues()[0].value;
  if (graphql.isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => graphql.isNonNullType(field.type));
    return Object.fromEntries(fields.map((field) => [field.name, sample(field.type)]));
  }
  return { Int: 1, Float: 1, Boolean: true }[type.name] ?? 'x';
}

function sampleVariables(document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  if (operation?.kind !== 'OperationDefinition') return {};
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      sample(graphql.typeFromAST(schema, definition.type) as import('graphql').GraphQLInputType),
    ]),
  );
}

describe('the citizen pages’ operations', () => {
  // Fragments are costed inside the operations that use them.
  const documents = (Object.entries(operations) as [string, DocumentNode][]).filter(([, document]) =>
    document.definitions.some((definition) => definition.kind === 'OperationDefinition'),
  );

  it.each(documents)('%s costs at most what the api accepts', (_name, document) => {
    const cost = getComplexity({
      schema,
      // What the browser sends: Apollo adds __typename to every selection, and the api counts it.
      query: addTypenameToDocument(document),
      variables: sampleVariables(document),
      estimators: [pageSize, simpleEstimator({ defaultComplexity: 1 })],
    });
    expect(cost).toBeLessThanOrEqual(MAX_COST);
  });
});
