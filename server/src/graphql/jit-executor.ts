import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  defaultFieldResolver,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLLeafType,
  type GraphQLSchema,
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type OperationDefinitionNode,
  typeFromAST,
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
 * definition lookups, argument values computed on every call, a path object per value). Where
 * graphql-jit differs from graphql-js, graphql-js's behaviour is kept: variables (checkedVariables),
 * the lazy parts of connections (resolveLazyConnectionFields), field errors (asGraphQLJsError); an
 * operation graphql-jit cannot compile runs on graphql-js. tests/api/executors.test.ts compares the
 * two. Compiling costs about 3 ms for a list page (once per document Apollo keeps).
 */

type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** What executes operations: graphql-jit (the default) or graphql-js's `execute` (GRAPHQL_EXECUTOR). */
export type ExecutorKind = 'jit' | 'graphql-js';

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> =>
  typeof (value as Promise<T> | null)?.then === 'function';

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
 * A coerced input value written back as a client sends it, every default filled in: enums by name,
 * scalars by their serialize (the inverse of parseValue for the schema's scalars).
 */
function asSent(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return asSent(type.ofType, value);
  if (isListType(type)) {
    return Array.isArray(value) ? value.map((item) => asSent(type.ofType, item)) : asSent(type.ofType, value);
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const sent: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      if (Object.hasOwn(value as object, name))
        sent[name] = asSent(field.type, (value as Record<string, unknown>)[name]);
    }
    return sent;
  }
  return (type as GraphQLLeafType).serialize(value);
}

/**
 * The variables for graphql-jit, or graphql-js's refusal of them as its `execute` gives it (Apollo
 * answers them BAD_USER_INPUT, 400). graphql-jit gets graphql-js's coerced values written back as
 * sent, defaults included: it ignores the default of a non-null variable or input field that was
 * left out (`$id: ID! = "…"`, `orderBy: { field: NAME }` with `direction: OrderDirection! = ASC`).
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
  const sent: Record<string, unknown> = {};
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType;
    if (Object.hasOwn(coerced.coerced, name)) sent[name] = asSent(type, coerced.coerced[name]);
  }
  return { variables: sent };
}

/**
 * A field error of graphql-jit as graphql-js's locatedError makes it: graphql-jit's own error
 * objects have no `extensions` unless the thrown error had some (Apollo reads
 * `error.extensions.code` and, failing, answers a bare INTERNAL_SERVER_ERROR without calling
 * formatError), and they are not graphql-js's class.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
  // graphql-js computes locations from the field's nodes, which graphql-jit keeps as locations only.
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
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
  const result = query.query(undefined, contextValue, checked.variables) as ExecutionResult | Promise<ExecutionResult>;
  // graphql-jit refusing variables graphql-js accepted (no data at all): graphql-js answers.
  const answered = (answer: ExecutionResult) => {
    if (!('data' in answer)) {
      return execute({ schema, document, operationName, variableValues: variables, contextValue });
    }
    return answer.errors ? { ...answer, errors: answer.errors.map(asGraphQLJsError) } : answer;
  };
  return isPromise(result) ? result.then(answered) : answered(result);
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
