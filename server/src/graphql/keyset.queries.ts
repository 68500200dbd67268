import { type Database, PREPARED } from '@jejaring/db';
import {
  type AliasedRawBuilder,
  AliasNode,
  ColumnNode,
  type Expression,
  IdentifierNode,
  type Kysely,
  type OperationNode,
  type RawBuilder,
  RawNode,
  ReferenceNode,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';

/*
 * Keyset (cursor) pagination, the SQL half: every list of the API is a filtered base query from a
 * domain's *.queries.ts (built on the request's Kysely instance, so it carries its db) plus an
 * Ordering; these functions add the cursor range, the order and the limit. No OFFSET anywhere: a page costs the same on page 1 and on page 10 000. Nested lists (the
 * products of 50 enterprises) run as ONE statement: unnest(parent ids) CROSS JOIN LATERAL (page),
 * so a request's statement count does not grow with the page size (a query per parent row would be the N+1 problem).
 */

/** How the order key is cast when it comes back from a cursor (it must match the expression's type). */
export type KeyType = 'text' | 'date' | 'bigint' | 'int';

/** A total order on a list: a non-null key, then a unique id as the tie-breaker, both in one direction. */
export interface Ordering {
  /** Written into cursors, so a cursor from one ordering is refused by another (e.g. "NAME_ASC"). */
  readonly name: string;
  /** The sort key; never null (wrap nullable columns in coalesce()). */
  readonly key: Expression<unknown>;
  readonly keyType: KeyType;
  /** A unique id that breaks ties. */
  readonly id: Expression<unknown>;
  /** The id's type; bigint unless said otherwise. */
  readonly idType?: KeyType;
  readonly descending: boolean;
}

/**
 * An ordering function whose orderings are made once per field and direction: they are immutable
 * (Kysely expressions), and a list asks for its ordering on every request, a nested list on every
 * parent row.
 */
export function orderings<F extends string>(make: (field: F, descending: boolean) => Ordering) {
  const made = new Map<string, Ordering>();
  return (field: F, descending: boolean): Ordering => {
    const key = `${field} ${descending}`;
    let ordering = made.get(key);
    if (!ordering) {
      ordering = make(field, descending);
      made.set(key, ordering);
    }
    return ordering;
  };
}

/** The position of a row in an ordering: its key value and its id. */
export type CursorPosition = readonly [key: string | number, id: string | number];

/** Which slice of an ordering a page asks for. */
export interface PageWindow {
  /** Rows wanted (first or last). */
  readonly size: number;
  /** True for last/before: the page is taken from the end of the range. */
  readonly backward: boolean;
  readonly after: CursorPosition | null;
  readonly before: CursorPosition | null;
}

/** A filtered base query of some list (selecting the row's columns), before windowing. */
// biome-ignore lint/suspicious/noExplicitAny: base queries join different tables under different aliases.
export type ListQuery = SelectQueryBuilder<any, any, any>;

/** A row as it comes back from a page query: its columns plus its position. */
export type PageRow<Row> = Row & { readonly __key: string | number; readonly __id: string | number };

export interface PageRows<Row> {
  readonly rows: PageRow<Row>[];
  /** More rows exist beyond the page, in the direction of travel. */
  readonly hasMore: boolean;
}

/** `(key, id)` strictly after (or before) a cursor position, in the ordering's direction. */
function beyond(order: Ordering, position: CursorPosition, side: 'after' | 'before'): RawBuilder<SqlBool> {
  const ascendingAfter = side === 'after' ? !order.descending : order.descending;
  const op = sql.raw(ascendingAfter ? '>' : '<');
  const key = sql`${position[0]}::${sql.raw(order.keyType)}`;
  const id = sql`${position[1]}::${sql.raw(order.idType ?? 'bigint')}`;
  // The row comparison alone is an index condition only for an index on (key, id); the redundant
  // bound on the key lets an index on the key alone start the scan at the cursor instead of
  // scanning up to it (which would make deep pages as slow as OFFSET).
  return sql<SqlBool>`(${order.key} ${op}= ${key} AND (${order.key}, ${order.id}) ${op} (${key}, ${id}))`;
}

function withRange(query: ListQuery, order: Ordering, window: PageWindow): ListQuery {
  let q = query;
  if (window.after) q = q.where(beyond(order, window.after, 'after'));
  if (window.before) q = q.where(beyond(order, window.before, 'before'));
  return q;
}

/** The order of a page's rows in its statement: reversed when paging backwards. */
const direction = (order: Ordering, window: PageWindow) => (order.descending !== window.backward ? 'desc' : 'asc');

/** The page query: range, order (reversed when paging backwards), limit size + 1 to see past the end. */
function pageQuery(query: ListQuery, order: Ordering, window: PageWindow): ListQuery {
  const dir = direction(order, window);
  return withRange(query, order, window)
    .select([sql`${order.key}`.as('__key'), sql`${order.id}`.as('__id')])
    .orderBy(order.key, dir)
    .orderBy(order.id, dir)
    .limit(window.size + 1);
}

/** A page's rows: at most `window.size` of them, in the ordering's direction, and whether there are more. */
export function trim<Row>(rows: PageRow<Row>[], window: PageWindow): PageRows<Row> {
  const hasMore = rows.length > window.size;
  const page = hasMore ? rows.slice(0, window.size) : rows;
  if (window.backward) page.reverse();
  return { rows: page, hasMore };
}

/** A list nested under each row of a page, fetched with the page (a JSON column named `column`). */
export interface NestedPage {
  readonly column: string;
  /** The nested list's base query, given the expression of the parent row's `id`. */
  readonly build: NestedListBuilder;
  readonly order: Ordering;
  readonly window: PageWindow;
}

/**
 * One page of a list. With `nested`, each row also carries, in a JSON column per nested list,
 * that list's page for the row (its rows as pageQuery selects them, in its order, one more than
 * the window to tell whether there are more): the page and its nested pages in ONE statement.
 * The nested lists are joined on the ordering's id (`order.id`), which must be the rows' `id`.
 */
export async function fetchPage<Row>(
  query: ListQuery,
  order: Ordering,
  window: PageWindow,
  nested?: { readonly db: Kysely<Database>; readonly pages: readonly NestedPage[] },
): Promise<PageRows<Row>> {
  const page = pageQuery(query, order, window);
  if (!nested || nested.pages.length === 0) return trim((await page.execute()) as PageRow<Row>[], window);
  // The nested pages are columns of the page query itself, not of a query around it: PostgreSQL
  // then neither sorts the page again nor plans a second level (about a tenth of the statement).
  const columns = nested.pages.map((n) => nestedColumn(n, order.id as Expression<number>));
  const withNested = page.select(columns.map((c) => c.expression));
  // Sent as a named statement on PostgreSQL (prepared-statements.ts): parsed once per connection.
  const result = await sql<PageRow<Row>>`${sql.raw(PREPARED)}${withNested}`.execute(nested.db);
  for (const row of result.rows as Array<PageRow<{ id?: unknown }>>) {
    if (row.__id !== row.id) throw new Error(`nested lists need a list ordered by its rows' id, not ${row.__id}`);
  }
  return trim(unpackNested(result.rows, columns), window);
}

/**
 * The rows of a query (each with an `id`), each with the nested pages as JSON columns (see
 * fetchPage), in one statement, as they come.
 */
export async function fetchWithNested<Row>(
  db: Kysely<Database>,
  query: ListQuery,
  pages: readonly NestedPage[],
): Promise<Row[]> {
  // The query becomes a derived table (__row), so a nested list may use any alias, the query's too.
  const columns = pages.map((n) => nestedColumn(n, sql.ref<number>('__row.id')));
  // Sent as a named statement on PostgreSQL (prepared-statements.ts): parsed once per connection,
  // and planned once where its generic plan is as good as its custom ones (an agency's units).
  const result = await sql<Row>`${sql.raw(PREPARED)}SELECT __row.*, ${sql.join(columns.map((c) => c.expression))}
    FROM (${query}) AS __row`.execute(db);
  return unpackNested(result.rows, columns);
}

/**
 * A nested page's column (nestedColumn): its name, its expression, and the names of its rows'
 * fields with the index of each one's value in a row's array.
 */
interface NestedColumn {
  readonly name: string;
  readonly expression: AliasedRawBuilder<unknown, string>;
  readonly values: ReadonlyArray<readonly [name: string, index: number]>;
}

/**
 * A nested page as one JSON column: an array with one array per row, its values those of the
 * nested query's select list (its output names), each distinct expression once: the ordering's
 * key and id (`__key`, `__id`) are mostly columns the list selects as well (a product's name and
 * id). Arrays, not JSON objects: PostgreSQL then writes no column names for every row. The nested
 * query itself selects the array of each row (its select list becomes json_build_array's
 * arguments), so it is planned as one level: no derived table around it to sort again
 * (docs/api-performance.md, "Nested pages as arrays").
 */
function nestedColumn(n: NestedPage, parentId: Expression<number>): NestedColumn {
  const inner = pageQuery(n.build(parentId), n.order, n.window);
  const expressions: OperationNode[] = [];
  const indexOf = new Map<string, number>();
  const values = (inner.toOperationNode().selections ?? []).map((node) => {
    const expression = AliasNode.is(node.selection) ? node.selection.node : node.selection;
    const same = JSON.stringify(bareExpression(expression));
    let index = indexOf.get(same);
    if (index === undefined) {
      index = expressions.push(expression) - 1;
      indexOf.set(same, index);
    }
    return [selectionName(node.selection), index] as const;
  });
  // json_build_array takes at most 100 arguments (PostgreSQL's FUNC_MAX_ARGS).
  if (expressions.length > 100) throw new Error(`a nested list selects ${expressions.length} values, at most 100`);
  const built = expressions.map((expression) => ({ toOperationNode: () => expression }));
  const rows = inner.clearSelect().select(sql`json_build_array(${sql.join(built)})`.as('__row'));
  return { name: n.column, expression: sql`array_to_json(array(${rows}))`.as(n.column), values };
}

/** An expression with a bare `sql\`${x}\`` around it unwrapped, to tell equal expressions apart from others. */
function bareExpression(expression: OperationNode): OperationNode {
  if (RawNode.is(expression) && expression.parameters.length === 1 && expression.sqlFragments.every((f) => f === '')) {
    return bareExpression(expression.parameters[0] as OperationNode);
  }
  return expression;
}

/** The nested columns of `rows` turned from arrays of values back into rows (nestedColumn), in place. */
function unpackNested<Row>(rows: Row[], columns: readonly NestedColumn[]): Row[] {
  for (const { name, values } of columns) {
    for (const row of rows as Array<Record<string, unknown>>) {
      row[name] = (row[name] as unknown[][]).map((array) => {
        const nestedRow: Record<string, unknown> = {};
        for (const [field, index] of values) nestedRow[field] = array[index];
        return nestedRow;
      });
    }
  }
  return rows;
}

function selectionName(selection: OperationNode): string {
  if (AliasNode.is(selection) && IdentifierNode.is(selection.alias)) return selection.alias.name;
  if (ReferenceNode.is(selection) && ColumnNode.is(selection.column)) return selection.column.column.name;
  throw new Error(`a nested list selects a ${selection.kind} without a name`);
}

/** The number of rows a base query matches (a connection's totalCount). */
export async function countRows(query: ListQuery): Promise<number> {
  const row = await query.clearSelect().clearOrderBy().select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Whether rows exist on the far side of the cursor the page started from (before `after` when
 * paging forwards, after `before` when paging backwards): Relay's hasPreviousPage / hasNextPage
 * for the side the page did not travel towards.
 */
export async function existsBehind(query: ListQuery, order: Ordering, window: PageWindow): Promise<boolean> {
  const behind = behindQuery(query, order, window);
  if (!behind) return false;
  const row = await behind.executeTakeFirst();
  return row !== undefined;
}

function behindQuery(query: ListQuery, order: Ordering, window: PageWindow): ListQuery | null {
  const cursor = window.backward ? window.before : window.after;
  if (!cursor) return null;
  return query
    .clearSelect()
    .clearOrderBy()
    .select(sql`1`.as('one'))
    .where(sql<SqlBool>`NOT ${beyond(order, cursor, window.backward ? 'before' : 'after')}`)
    .limit(1);
}

/** Builds a list's base query for one parent, given an expression that stands for the parent id. */
export type NestedListBuilder = (parentId: Expression<number>) => ListQuery;

const PARENT_ID = sql.ref<number>('__parent.id');

function groupByParent<T extends { __parent_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.__parent_id);
    if (group) group.push(row);
    else groups.set(row.__parent_id, [row]);
  }
  return groups;
}

/**
 * One page of a nested list for each of many parents, in ONE statement:
 * `unnest(parent ids) CROSS JOIN LATERAL (page query)`.
 */
export async function fetchNestedPages<Row>(
  db: Kysely<Database>,
  parentIds: readonly number[],
  build: NestedListBuilder,
  order: Ordering,
  window: PageWindow,
): Promise<Map<number, PageRows<Row>>> {
  const inner = pageQuery(build(PARENT_ID), order, window);
  const result = await sql<PageRow<Row> & { __parent_id: number }>`
    SELECT __parent.id AS __parent_id, __page.*
    FROM unnest(${[...parentIds]}::bigint[]) AS __parent(id)
    CROSS JOIN LATERAL (${inner}) AS __page`.execute(db);
  const groups = groupByParent(result.rows);
  return new Map(parentIds.map((id) => [id, trim<Row>(groups.get(id) ?? [], window)]));
}

/** totalCount of a nested list for many parents, in one statement. */
export async function countNestedRows(
  db: Kysely<Database>,
  parentIds: readonly number[],
  build: NestedListBuilder,
): Promise<Map<number, number>> {
  const inner = build(PARENT_ID).clearSelect().clearOrderBy().select(sql<number>`count(*)`.as('n'));
  const result = await sql<{ __parent_id: number; n: number }>`
    SELECT __parent.id AS __parent_id, __count.n
    FROM unnest(${[...parentIds]}::bigint[]) AS __parent(id)
    CROSS JOIN LATERAL (${inner}) AS __count`.execute(db);
  return new Map(result.rows.map((row) => [row.__parent_id, Number(row.n)]));
}

/** existsBehind for many parents, in one statement. */
export async function existsNestedBehind(
  db: Kysely<Database>,
  parentIds: readonly number[],
  build: NestedListBuilder,
  order: Ordering,
  window: PageWindow,
): Promise<Set<number>> {
  const behind = behindQuery(build(PARENT_ID), order, window);
  if (!behind) return new Set();
  const result = await sql<{ __parent_id: number }>`
    SELECT __parent.id AS __parent_id
    FROM unnest(${[...parentIds]}::bigint[]) AS __parent(id)
    WHERE EXISTS (${behind})`.execute(db);
  return new Set(result.rows.map((row) => row.__parent_id));
}
