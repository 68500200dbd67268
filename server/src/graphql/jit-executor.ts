import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  defaultFieldResolver,
  type ExecutionResult,
  execute,
  type GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  isObjectType,
  type OperationDefinitionNode,
  valueFromASTUntyped,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/*
 * Operations executed by graphql-jit (a maintained compiler of GraphQL operations into JavaScript
 * functions) instead of graphql-js's interpreter, plugged into Apollo Server as its executor (the
 * gateway interface, Apollo's one way to replace execution; parsing, validation and every plugin
 * hook stay Apollo's). Each operation is compiled once per parsed document: Apollo keeps the
 * documents it parsed and validated in its LRU document store, so a query asked again reuses both
 * the document and its compiled function, and a document that leaves the store takes its function
 * with it (WeakMap).
 *
 * The schema's own resolvers, type resolvers and scalars run as under graphql-js; graphql-jit walks
 * the selection and completes the values without graphql-js's per-field bookkeeping (field
 * definition lookups, argument values computed on every call, a path object per value). Variables
 * are coerced by graphql-js first, so bad variables are refused with graphql-js's own errors (which
 * Apollo recognises as BAD_USER_INPUT, status 400); graphql-jit then coerces the same values for
 * itself. An operation graphql-jit cannot compile runs on graphql-js.
 */

type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** What executes operations: graphql-jit (the default) or graphql-js's `execute` (GRAPHQL_EXECUTOR). */
export type ExecutorKind = 'jit' | 'graphql-js';

const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

/** The compiled operation `name` of `document` (null when graphql-jit refused it), compiled once. */
function compiledOperation(schema: GraphQLSchema, document: DocumentNode, name: string | null): CompiledQuery | null {
  let operations = compiled.get(document);
  if (!operations) {
    operations = new Map();
    compiled.set(document, operations);
  }
  const key = name ?? '';
  let query = operations.get(key);
  if (query === undefined) {
    const result = compileQuery(schema, document, name ?? undefined);
    query = isCompiledQuery(result) ? result : null;
    operations.set(key, query);
  }
  return query;
}

/**
 * The variables for graphql-jit, or graphql-js's refusal of them as its `execute` gives it. A
 * variable left out that has a default gets the default as a client would have sent it: graphql-jit
 * refuses a missing non-null variable even when it has a default, graphql-js uses the default.
 */
function checkedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { errors: readonly GraphQLError[] } | { variables: Record<string, unknown> } {
  const definitions = operation.variableDefinitions;
  if (!definitions?.length) return { variables };
  const coerced = getVariableValues(schema, definitions, variables, { maxErrors: 50 });
  if (coerced.errors) return { errors: coerced.errors };
  let filled = variables;
  for (const { variable, defaultValue } of definitions) {
    if (!defaultValue || Object.hasOwn(variables, variable.name.value)) continue;
    if (filled === variables) filled = { ...variables };
    filled[variable.name.value] = valueFromASTUntyped(defaultValue);
  }
  return { variables: filled };
}

/**
 * Lets graphql-jit call the lazy parts of connections as graphql-js does. graphql-js's default
 * resolver calls a property that is a function (a connection's totalCount, a page's hasNextPage:
 * graphql/connection.ts); graphql-jit reads a field without a resolver as a plain property. The
 * fields of the connection types and PageInfo get graphql-js's default resolver itself, which
 * changes nothing for graphql-js.
 */
export function resolveLazyConnectionFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !(type.name.endsWith('Connection') || type.name === 'PageInfo')) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= defaultFieldResolver;
  }
  return schema;
}

/** Executes one validated operation of Apollo's request. */
export function executeOperation(
  schema: GraphQLSchema,
  kind: ExecutorKind,
  request: {
    document: DocumentNode;
    operation: OperationDefinitionNode;
    operationName: string | null;
    variables: Record<string, unknown>;
    contextValue: unknown;
  },
): ExecutionResult | Promise<ExecutionResult> {
  const { document, operation, operationName, variables, contextValue } = request;
  const query = kind === 'jit' ? compiledOperation(schema, document, operationName) : null;
  if (!query) {
    return execute({ schema, document, operationName, variableValues: variables, contextValue });
  }
  const checked = checkedVariables(schema, operation, variables);
  if ('errors' in checked) return { errors: checked.errors };
  return query.query(undefined, contextValue, checked.variables) as ExecutionResult | Promise<ExecutionResult>;
}

/**
 * Apollo's `gateway` option serving `schema` with operations executed by `kind`. Apollo hands the
 * executor the request's context value as `context`.
 */
export function executorGateway(apiSchema: GraphQLSchema, kind: ExecutorKind): Gateway {
  const schema = resolveLazyConnectionFields(apiSchema);
  const executor: Executor = async (requestContext) =>
    executeOperation(schema, kind, {
      document: requestContext.document,
      operation: requestContext.operation,
      operationName: requestContext.operationName,
      variables: requestContext.request.variables ?? {},
      contextValue: requestContext.context,
    });
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
