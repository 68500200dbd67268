import {
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/*
 * Look-ahead for list resolvers: what does the operation ask on the rows of the connection being
 * resolved? A list resolver that knows it will be asked for a relation can fetch it in the page's
 * own statement instead of leaving it to a DataLoader's statement after the page. Conservative:
 * fields under @skip/@include and fragments on any type count as asked, so a relation may be
 * fetched and not used, never used and not fetched (it is then fetched by its own resolver).
 */

/** The fields named `name` directly in a selection set, through fragments (spread and inline). */
function* fieldsNamed(
  selectionSet: SelectionSetNode | undefined,
  name: string,
  info: GraphQLResolveInfo,
  seen: Set<string> = new Set(),
): Generator<FieldNode> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) yield selection;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      yield* fieldsNamed(selection.selectionSet, name, info, seen);
    } else if (!seen.has(selection.name.value)) {
      // A fragment spread; the document is validated, but a name is followed once all the same.
      seen.add(selection.name.value);
      yield* fieldsNamed(info.fragments[selection.name.value]?.selectionSet, name, info, seen);
    }
  }
}

/** The row selections (`nodes { … }`, `edges { node { … } }`) of the given connection fields. */
function rowSelections(connections: readonly FieldNode[], info: GraphQLResolveInfo): FieldNode[] {
  const found: FieldNode[] = [];
  for (const connection of connections) {
    found.push(...fieldsNamed(connection.selectionSet, 'nodes', info));
    for (const edges of fieldsNamed(connection.selectionSet, 'edges', info)) {
      found.push(...fieldsNamed(edges.selectionSet, 'node', info));
    }
  }
  return found;
}

/** The selections of `field` on the rows of the connection being resolved (in `nodes` or `edges { node }`). */
function rowFields(info: GraphQLResolveInfo, field: string): FieldNode[] {
  return rowSelections(info.fieldNodes, info).flatMap((row) => [...fieldsNamed(row.selectionSet, field, info)]);
}

/** The names of the fields selected directly under `selections` (through fragments on any type). */
function namesUnder(selections: readonly FieldNode[], info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        collect(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const selection of selections) collect(selection.selectionSet, new Set());
  return names;
}

/** The fields the operation asks of the object being resolved. */
export function objectFieldNames(info: GraphQLResolveInfo): Set<string> {
  return namesUnder(info.fieldNodes, info);
}

/** The fields asked of the rows of the connection being resolved. */
export function rowFieldNames(info: GraphQLResolveInfo): Set<string> {
  return namesUnder(rowSelections(info.fieldNodes, info), info);
}

/** The fields asked of the objects in `field` of the rows of the connection being resolved (a purchase's `buyer`). */
export function rowFieldSubfieldNames(info: GraphQLResolveInfo, field: string): Set<string> {
  return namesUnder(rowFields(info, field), info);
}

/** The fields asked of the rows of connection `field` of the object being resolved (an agency's `networkUnits`). */
export function objectConnectionRowNames(info: GraphQLResolveInfo, field: string): Set<string> {
  return namesUnder(rowSelections(objectFields(info, field), info), info);
}

/**
 * The columns the fields `names` read, each field's from `fieldColumns`; 'all' when a field asked
 * is not listed there (its resolver may read any column), so a field added without an entry costs
 * columns, never a wrong answer. Used by the lists that select only what their fields read.
 */
export function columnsOfFields<Column extends string>(
  fieldColumns: Readonly<Record<string, readonly Column[]>>,
  names: ReadonlySet<string>,
): Set<Column> | 'all' {
  const chosen = new Set<Column>();
  for (const name of names) {
    const needs = Object.hasOwn(fieldColumns, name) ? fieldColumns[name] : undefined;
    if (!needs) return 'all';
    for (const column of needs) chosen.add(column);
  }
  return chosen;
}

/** The fields asked of the rows of the connection field `connection` (a FieldSelection's node). */
export function connectionRowNames(connection: FieldNode, info: GraphQLResolveInfo): Set<string> {
  return namesUnder(rowSelections([connection], info), info);
}

/** The selections of `field` on the object being resolved. */
function objectFields(info: GraphQLResolveInfo, field: string): FieldNode[] {
  return info.fieldNodes.flatMap((node) => [...fieldsNamed(node.selectionSet, field, info)]);
}

/** Does the connection being resolved select `field` on its rows (in `nodes { … }` or `edges { node { … } }`)? */
export function rowsSelect(info: GraphQLResolveInfo, field: string): boolean {
  return rowFields(info, field).length > 0;
}

/**
 * The arguments (coerced, variables applied) of `field` on the rows of the connection being
 * resolved, when the operation selects it exactly once and without @skip/@include; otherwise
 * (not selected, selected twice, conditional, or arguments that do not coerce) undefined.
 */
export function rowFieldArguments(info: GraphQLResolveInfo, field: string): Record<string, unknown> | undefined {
  return rowFieldSelection(info, field)?.args;
}

/** Like rowFieldArguments, with the field's selection in the operation (`node`). */
export function rowFieldSelection(info: GraphQLResolveInfo, field: string): FieldSelection | undefined {
  const connection = getNamedType(info.returnType);
  const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined;
  return selectionOf(rowFields(info, field), nodes && getNamedType(nodes.type), field, info);
}

/** Like rowFieldArguments, for a field of the object being resolved (not a connection). */
export function objectFieldArguments(info: GraphQLResolveInfo, field: string): Record<string, unknown> | undefined {
  return selectionOf(objectFields(info, field), getNamedType(info.returnType), field, info)?.args;
}

/** A field selected once, unconditionally: its node in the operation and its arguments. */
export interface FieldSelection {
  readonly node: FieldNode;
  readonly args: Record<string, unknown>;
}

function selectionOf(
  selections: FieldNode[],
  type: GraphQLNamedType | undefined,
  field: string,
  info: GraphQLResolveInfo,
): FieldSelection | undefined {
  const [node, ...others] = selections;
  if (!node || others.length > 0 || (node.directives?.length ?? 0) > 0) return undefined;
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  const definition = type.getFields()[field] as GraphQLField<unknown, unknown> | undefined;
  if (!definition) return undefined;
  try {
    return { node, args: getArgumentValues(definition, node, info.variableValues) };
  } catch {
    return undefined; // the field's own resolver reports it
  }
}
