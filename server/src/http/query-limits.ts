import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  GraphQLList,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import type { Context } from '../context.ts';

/*
 * Query limits (STACK.md pitfall 9: Apollo Server has none). Two guards, both answered with
 * GRAPHQL_VALIDATION_FAILED before anything runs:
 * - depth: a validation rule; fields nested deeper than MAX_DEPTH are refused (introspection is
 *   exempt, GraphiQL's schema query is deep by nature);
 * - size: an estimate of how many objects the answer could hold, from the page sizes of the
 *   connections (first/last, default 50) multiplied down the tree. It needs the variables (a page
 *   size is usually one), which validation rules do not see, so it runs as soon as the operation
 *   is resolved (Apollo's didResolveOperation), still before execution.
 */

export const MAX_DEPTH = 12;

/** The most objects one request may ask for (e.g. 500 enterprises × 50 products each is 25 500). */
export const MAX_ESTIMATED_NODES = 50_000;

/** What a plain list (not a connection) is assumed to hold, e.g. a region's children. */
const LIST_ESTIMATE = 10;
const DEFAULT_PAGE = 50;

function limitError(message: string, nodes?: readonly FieldNode[] | OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, {
    ...(nodes ? { nodes: Array.isArray(nodes) ? nodes : [nodes as OperationDefinitionNode] } : {}),
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** The deepest chain of nested fields under a selection set (fragments followed, introspection skipped). */
function depthOf(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? depthOf(selection.selectionSet, fragments, seen) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue; // unknown or cyclic: other rules report it
      seen.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, seen));
      seen.delete(name);
    }
  }
  return deepest;
}

/** A validation rule refusing operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number = MAX_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            limitError(
              `The query is nested ${depth} levels deep; the limit is ${maxDepth}. Split it into several queries.`,
              node,
            ),
          );
        }
      },
    };
  };
}

function argumentValue(value: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.NULL) return null;
  return undefined;
}

/** How many items a field can return per parent: a connection's page size, a list's estimate, or 1. */
function fanOut(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): number {
  const argNames = new Set(definition.args.map((a) => a.name));
  if (argNames.has('first') || argNames.has('last')) {
    const sizes = ['first', 'last'].map((name) =>
      argumentValue(field.arguments?.find((a) => a.name.value === name)?.value, variables),
    );
    const given = sizes.filter((s): s is number => typeof s === 'number');
    // Larger than allowed is refused by the resolver itself, with the argument named.
    return given.length ? Math.max(...given, 0) : DEFAULT_PAGE;
  }
  return getNullableType(definition.type) instanceof GraphQLList ? LIST_ESTIMATE : 1;
}

/**
 * The parts of a connection (edges, nodes, pageInfo, an edge's node) hold the rows the connection
 * field already counted: they add nothing themselves.
 */
function isPassThrough(parentType: { getFields(): Record<string, unknown> }, field: string): boolean {
  const fields = parentType.getFields();
  if ('pageInfo' in fields && 'edges' in fields) return true;
  return field === 'node' && 'cursor' in fields;
}

/**
 * An upper estimate of the objects a selection set returns: each connection multiplies its page
 * size into everything below it.
 */
function estimate(
  schema: GraphQLSchema,
  parentType: GraphQLObjectType | { getFields(): Record<string, GraphQLField<unknown, unknown>> },
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const definition = parentType.getFields()[selection.name.value];
      if (!definition || !selection.selectionSet) continue;
      const type = getNamedType(definition.type);
      const child = isObjectType(type) || isInterfaceType(type) ? type : undefined;
      const below = child ? estimate(schema, child, selection.selectionSet, fragments, variables, seen) : 0;
      if (isPassThrough(parentType, selection.name.value)) {
        total += below;
      } else {
        const count = fanOut(selection, definition, variables);
        total += count + count * below;
      }
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      const key = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : '';
      if (key && seen.has(key)) continue;
      if (key) seen.add(key);
      const conditionName = fragment.typeCondition?.name.value;
      const conditionType = conditionName ? schema.getType(conditionName) : parentType;
      const scope =
        conditionType && (isObjectType(conditionType) || isInterfaceType(conditionType)) ? conditionType : parentType;
      total += estimate(schema, scope, fragment.selectionSet, fragments, variables, seen);
      if (key) seen.delete(key);
    }
  }
  return total;
}

/** The estimated number of objects an operation could return. */
export function estimateNodes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;
  return estimate(schema, root, operation.selectionSet, fragmentsOf(document), variables, new Set());
}

/** Refuses operations whose estimated size exceeds `maxNodes`, before they run. */
export function sizeLimitPlugin(maxNodes: number = MAX_ESTIMATED_NODES): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const nodes = estimateNodes(schema, document, operation, request.variables ?? {});
          if (nodes > maxNodes) {
            throw limitError(
              `The query could return about ${nodes} objects; the limit is ${maxNodes}. Ask for smaller pages (first/last) in the nested lists, or split the query.`,
            );
          }
        },
      };
    },
  };
}
