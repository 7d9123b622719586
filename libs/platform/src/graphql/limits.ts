import { ApolloServerPlugin } from '@apollo/server';
import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  isScalarType,
  Kind,
  SelectionSetNode,
  TypeNode,
  ValidationContext,
} from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Codes of the edge limits; the error formatter passes them through unchanged. */
export const LIMIT_ERROR_CODES = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'QUERY_TOO_COMPLEX'] as const;

function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visited: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet, fragments, visited));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, visited));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || visited.has(name)) continue;
      deepest = Math.max(
        deepest,
        selectionDepth(fragment.selectionSet, fragments, new Set(visited).add(name)),
      );
    }
  }
  return deepest;
}

/** Refuses operations nested deeper than `maxDepth` fields (fragments followed). */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = Object.fromEntries(
      context
        .getDocument()
        .definitions.filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    );
    return {
      OperationDefinition(operation) {
        const depth = selectionDepth(operation.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query depth ${depth} exceeds the limit of ${maxDepth}.`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth },
            }),
          );
        }
      },
    };
  };
}

/** Refuses documents with more than `maxAliases` aliases (a way to multiply one costly field). */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(field: FieldNode) {
        if (!field.alias) return;
        aliases += 1;
        if (aliases > maxAliases && !reported) {
          reported = true;
          context.reportError(
            new GraphQLError(`The document has more than ${maxAliases} aliases.`, {
              nodes: [field],
              extensions: { code: 'TOO_MANY_ALIASES', maxAliases },
            }),
          );
        }
      },
    };
  };
}

/** Lists cost their children times `first` (the page size), so wide pages of deep items add up. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' && args.first > 0 ? 1 + childComplexity * args.first : undefined;

/** Costs remembered per document (Apollo keeps one parsed document per query text). */
const COSTS_PER_DOCUMENT = 64;

/** Scalars that can never be a page size (`first`, an Int) nor an @include/@skip condition. */
const COSTLESS_SCALARS = new Set(['String', 'ID', 'Float']);

/**
 * The variables a cost can depend on: page sizes (`first`) and @include/@skip conditions, i.e. the
 * operation's scalar variables but String, ID and Float. Input objects and enums (search points,
 * texts, ids) change from request to request and never the cost: the estimators read only `first`.
 */
function costVariables(document: DocumentNode, schema: GraphQLSchema): string[] {
  const names: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      let type: TypeNode = variable.type;
      while (type.kind !== Kind.NAMED_TYPE) type = type.type;
      const named = schema.getType(type.name.value);
      // An unknown type fails validation before this runs; kept in the key all the same.
      if (!named || (isScalarType(named) && !COSTLESS_SCALARS.has(named.name))) {
        names.push(variable.variable.name.value);
      }
    }
  }
  return names;
}

/** Computes each operation's cost before it runs and refuses those above `maxCost`. */
export function costLimitPlugin(schema: () => GraphQLSchema, maxCost: number): ApolloServerPlugin {
  // Walking the document against the schema was ~3% of the api's CPU per search in bench:api; the
  // same client sends the same document with the same page sizes again and again.
  const known = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variables = request.variables ?? {};
          let entry = known.get(document);
          if (!entry)
            known.set(document, (entry = { variables: costVariables(document, schema()), costs: new Map() }));
          const key = JSON.stringify([
            request.operationName ?? null,
            ...entry.variables.map((name) => variables[name]),
          ]);
          let cost = entry.costs.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema: schema(),
                operationName: request.operationName ?? undefined,
                query: document,
                variables,
                estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch {
              // Variables that do not fit the schema: execution refuses them as BAD_USER_INPUT (400).
              // Not remembered: the next request with these page sizes may be a valid one.
              return;
            }
            if (entry.costs.size >= COSTS_PER_DOCUMENT) entry.costs.clear();
            entry.costs.set(key, cost);
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
