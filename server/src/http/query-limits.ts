import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLList,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { MAX_ROUNDS } from '../analytics/domino-effect.sql.ts';
import { DEFAULT_PAGE_SIZE } from '../graphql/pagination.ts';

/*
 * The shape of an operation, measured before it runs (docs/limits.md): how deep its
 * fields nest, how many aliases it uses, and what it costs. One pass over the document, linear in
 * its size: each fragment is measured once and its measure reused at every spread (a fragment
 * spread ten times inside a fragment spread ten times is multiplied, never walked again), and a
 * fragment that spreads itself, directly or not, is refused.
 *
 * Cost: one unit per object the answer can hold and per statement the server runs for it.
 * - A connection (a field with first/last) costs 1 for its page statement plus, per row of the
 *   page, the cost of what is selected in its nodes/edges; `first: 0` still costs 1, and
 *   `totalCount` 1 more (it runs a count); pageInfo nothing.
 * - Any other object field costs 1 (it may read the database) plus what is selected below it; a
 *   list of objects multiplies that by its largest possible length (LIST_MAXIMUM).
 * - Page sizes and list lengths are read from the arguments, from the variables sent, or from the
 *   variables' default values when none are sent; a page larger than the server allows is
 *   counted at that maximum (the resolver refuses it, naming the argument).
 * - Introspection fields cost as their lists are long on average over this schema, which is what
 *   the schema queries of tools add up to; their depth is not counted (the explorer's schema
 *   query nests type references 8 deep).
 */

/**
 * The longest a plain list of objects (not a connection) can be, per `Type.field`. Where the
 * length follows the data (months of a trend), the bound is twenty years of it.
 */
const LIST_MAXIMUM: Record<string, number> = {
  // A regency's kecamatan or a kecamatan's villages (Kubu Raya: 9 and at most 24); a province has
  // at most 40 regencies.
  'Region.children': 100,
  'Query.sectors': 21, // KBLI sections A…U
  'Query.spendTrend': 240, // months
  'Query.recoveryIndex': 50, // series: kecamatan, KBLI sections or size classes, with UNKNOWN/OUTSIDE
  'RecoverySeries.points': 240, // months
  'DominoEffect.rounds': MAX_ROUNDS,
  'DominoRound.bySector': 22, // KBLI sections and UNKNOWN
};
/** Plain lists not named above: measures per agency, district, program or category of a regency. */
const DEFAULT_LIST_MAXIMUM = 200;

export interface OperationShape {
  /** Deepest chain of nested fields (introspection not counted). */
  readonly depth: number;
  /** Aliased fields, counting each spread of a fragment. */
  readonly aliases: number;
  readonly cost: number;
  /** Does it read the schema (__schema, __type)? */
  readonly introspection: boolean;
}

export class FragmentCycleError extends Error {}

/** A selection set's measure: `fixed` once, `perItem` for every row of the connection it belongs to. */
interface Measure {
  depth: number;
  aliases: number;
  fixed: number;
  perItem: number;
  introspection: boolean;
}

function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'pageInfo' in fields && ('edges' in fields || 'nodes' in fields);
}

function averageLengths(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  const sum = (f: (t: GraphQLNamedType) => number) => types.reduce((total, t) => total + f(t), 0);
  const withFields = types.filter((t) => isObjectType(t) || isInterfaceType(t));
  const fieldCount = sum((t) => (isObjectType(t) || isInterfaceType(t) ? Object.keys(t.getFields()).length : 0));
  const argCount = sum((t) =>
    isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()).reduce((n, f) => n + f.args.length, 0) : 0,
  );
  const avg = (total: number, over: number) => Math.max(1, Math.ceil(total / Math.max(1, over)));
  return {
    '__Schema.types': types.length,
    '__Schema.directives': schema.getDirectives().length,
    '__Type.fields': avg(fieldCount, withFields.length),
    '__Field.args': avg(argCount, fieldCount),
    '__Directive.args': avg(
      schema.getDirectives().reduce((n, d) => n + d.args.length, 0),
      schema.getDirectives().length,
    ),
  };
}

const introspectionLengths = new WeakMap<GraphQLSchema, Record<string, number>>();

export interface MeasureOptions {
  /** Largest page a connection serves (larger ones are refused by the resolver). */
  readonly maxPageSize: number;
}

/** Measures an operation of a validated document (see the comment at the top for the cost model). */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  sentVariables: Record<string, unknown>,
  options: MeasureOptions,
): OperationShape {
  let lengths = introspectionLengths.get(schema);
  if (!lengths) {
    lengths = averageLengths(schema);
    introspectionLengths.set(schema, lengths);
  }
  const introspectionLength = lengths;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // Variables as the operation will see them: the values sent, else the declared defaults.
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (sentVariables[name] !== undefined) variables[name] = sentVariables[name];
    else if (definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
  }
  const argument = (value: ValueNode | undefined): unknown =>
    value === undefined ? undefined : valueFromASTUntyped(value, variables);

  const measured = new Map<string, Measure>();
  const visiting = new Set<string>();

  const fragmentMeasure = (name: string): Measure | undefined => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return undefined; // validation reports unknown fragments
    if (visiting.has(name)) throw new FragmentCycleError(`fragment ${name} spreads itself`);
    visiting.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    const result = type ? measureSet(fragment.selectionSet, type) : undefined;
    visiting.delete(name);
    if (result) measured.set(name, result);
    return result;
  };

  const listLength = (parent: GraphQLNamedType, name: string, args: ReadonlyMap<string, unknown>): number => {
    const key = `${parent.name}.${name}`;
    if (parent.name.startsWith('__')) return introspectionLength[key] ?? 1;
    const ids = args.get('ids');
    if (Array.isArray(ids)) return ids.length;
    return LIST_MAXIMUM[key] ?? DEFAULT_LIST_MAXIMUM;
  };

  const pageSize = (args: ReadonlyMap<string, unknown>): number => {
    const sizes = [args.get('first'), args.get('last')].filter((s): s is number => typeof s === 'number');
    if (sizes.length === 0) return DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(0, ...sizes), options.maxPageSize);
  };

  function measureSet(set: SelectionSetNode, parent: GraphQLNamedType): Measure {
    const total: Measure = { depth: 0, aliases: 0, fixed: 0, perItem: 0, introspection: false };
    const add = (m: Measure, times = 1) => {
      total.depth = Math.max(total.depth, m.depth);
      total.aliases += m.aliases * times;
      total.fixed += m.fixed * times;
      total.perItem += m.perItem * times;
      total.introspection ||= m.introspection;
    };
    const connection = isConnection(parent);
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const m = fragmentMeasure(selection.name.value);
        if (m) add(m);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(measureSet(selection.selectionSet, condition ?? parent));
        continue;
      }
      const name = selection.name.value;
      const alias = selection.alias ? 1 : 0;
      if (name === '__typename') {
        total.aliases += alias;
        continue;
      }
      const introspecting = name === '__schema' || name === '__type' || parent.name.startsWith('__');
      let type: GraphQLNamedType | undefined;
      let list = false;
      let pageable = false;
      if (name === '__schema' || name === '__type') {
        type = schema.getType(name === '__schema' ? '__Schema' : '__Type');
      } else if (isObjectType(parent) || isInterfaceType(parent)) {
        const definition = parent.getFields()[name];
        if (definition) {
          type = getNamedType(definition.type);
          list = getNullableType(definition.type) instanceof GraphQLList;
          pageable = definition.args.some((a) => a.name === 'first' || a.name === 'last') && isConnection(type);
        }
      }
      if (!type) continue; // validation reports unknown fields
      const args = new Map<string, unknown>();
      for (const node of selection.arguments ?? []) args.set(node.name.value, argument(node.value));
      const below =
        selection.selectionSet && !isLeafType(type)
          ? measureSet(selection.selectionSet, type)
          : { depth: 0, aliases: 0, fixed: 0, perItem: 0, introspection: false };
      const field: Measure = {
        depth: introspecting ? 0 : 1 + below.depth,
        aliases: alias + below.aliases,
        fixed: 0,
        perItem: 0,
        introspection: introspecting || below.introspection,
      };
      if (isLeafType(type)) {
        field.fixed = connection && name === 'totalCount' ? 1 : 0;
      } else if (pageable) {
        field.fixed = 1 + below.fixed + pageSize(args) * below.perItem;
      } else if (connection && (name === 'edges' || name === 'nodes')) {
        field.perItem = 1 + below.fixed;
      } else if (connection) {
        field.fixed = below.fixed; // pageInfo: part of the page statement's answer
      } else {
        field.fixed = (list ? listLength(parent, name, args) : 1) * (1 + below.fixed);
      }
      add(field);
    }
    return total;
  }

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return { depth: 0, aliases: 0, cost: 0, introspection: false };
  const m = measureSet(operation.selectionSet, root);
  return { depth: m.depth, aliases: m.aliases, cost: m.fixed + m.perItem, introspection: m.introspection };
}
