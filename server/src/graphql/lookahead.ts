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

/** The selections of `field` on the rows of the connection being resolved (in `nodes` or `edges { node }`). */
function rowFields(info: GraphQLResolveInfo, field: string): FieldNode[] {
  const found: FieldNode[] = [];
  for (const connection of info.fieldNodes) {
    for (const nodes of fieldsNamed(connection.selectionSet, 'nodes', info)) {
      found.push(...fieldsNamed(nodes.selectionSet, field, info));
    }
    for (const edges of fieldsNamed(connection.selectionSet, 'edges', info)) {
      for (const node of fieldsNamed(edges.selectionSet, 'node', info)) {
        found.push(...fieldsNamed(node.selectionSet, field, info));
      }
    }
  }
  return found;
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
  const connection = getNamedType(info.returnType);
  const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined;
  return argumentsOf(rowFields(info, field), nodes && getNamedType(nodes.type), field, info);
}

/** Like rowFieldArguments, for a field of the object being resolved (not a connection). */
export function objectFieldArguments(info: GraphQLResolveInfo, field: string): Record<string, unknown> | undefined {
  return argumentsOf(objectFields(info, field), getNamedType(info.returnType), field, info);
}

function argumentsOf(
  selections: FieldNode[],
  type: GraphQLNamedType | undefined,
  field: string,
  info: GraphQLResolveInfo,
): Record<string, unknown> | undefined {
  const [node, ...others] = selections;
  if (!node || others.length > 0 || (node.directives?.length ?? 0) > 0) return undefined;
  if (!isObjectType(type) && !isInterfaceType(type)) return undefined;
  const definition = type.getFields()[field] as GraphQLField<unknown, unknown> | undefined;
  if (!definition) return undefined;
  try {
    return getArgumentValues(definition, node, info.variableValues);
  } catch {
    return undefined; // the field's own resolver reports it
  }
}
