// For tests only (node modules): what an operation costs against the api's limit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { addTypenameToDocument } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// graphql-query-complexity is CommonJS: its graphql and the schema's must be the same module.
const require = createRequire(import.meta.url);
const graphql = require('graphql') as typeof import('graphql');
const { getComplexity, simpleEstimator } =
  require('graphql-query-complexity') as typeof import('graphql-query-complexity');

// The api refuses a query costing more than GRAPHQL_MAX_COST (1000 by default): a list costs its
// items times `first` (libs/platform/src/graphql/limits.ts). A page whose query costs more never loads.
export const MAX_COST = 1000;
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

/** The operations (not fragments) among a module's exports, by export name. */
export function operationsOf(module: Record<string, unknown>): [string, DocumentNode][] {
  return (Object.entries(module) as [string, DocumentNode][]).filter(([, document]) =>
    document.definitions.some((definition) => definition.kind === 'OperationDefinition'),
  );
}

/** The cost the api computes for the operation as the browser sends it (Apollo adds __typename). */
export function operationCost(document: DocumentNode): number {
  return getComplexity({
    schema,
    query: addTypenameToDocument(document),
    variables: sampleVariables(document),
    estimators: [pageSize, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * A page module's operations, each checked against the api's limit (fragments cost inside them): one
 * query over it and the api refuses it whole, so the page shows none of what it asked for.
 */
export function describeOperationCosts(title: string, module: Record<string, unknown>): void {
  describe(title, () => {
    it.each(operationsOf(module))('%s costs at most what the api accepts', (_name, document) => {
      expect(operationCost(document)).toBeLessThanOrEqual(MAX_COST);
    });
  });
}
