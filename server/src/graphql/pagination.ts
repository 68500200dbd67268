import DataLoader from 'dataloader';
import { type FieldNode, type GraphQLSchema, getNamedType, isObjectType } from 'graphql';
import { type Context, loader } from '../context.ts';
import { badInput } from '../errors.ts';
import type { Connection, PageArgs, PageInfo } from './connection.ts';
import {
  type CursorPosition,
  countNestedRows,
  countRows,
  existsBehind,
  existsNestedBehind,
  fetchNestedPages,
  fetchPage,
  fetchWithNested,
  type KeyType,
  type ListQuery,
  type NestedListBuilder,
  type NestedPage,
  type Ordering,
  type PageRow,
  type PageRows,
  type PageWindow,
  trim,
} from './keyset.queries.ts';

/** Page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 50;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a real day (Date.parse accepts 2024-02-30). */
function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999, and the order key of an
  // unknown date is 0001-01-01.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A cursor: base64url of `[ordering, key, id]`. Opaque to clients. */
export function encodeCursor(order: Ordering, key: string | number, id: string | number): string {
  return Buffer.from(JSON.stringify([order.name, key, id]), 'utf8').toString('base64url');
}

/** Decodes a cursor for `order`, or answers BAD_USER_INPUT naming the argument. */
export function decodeCursor(cursor: string, argument: string, order: Ordering): CursorPosition {
  let parsed: unknown;
  try {
    parsed = /^[A-Za-z0-9_-]+$/.test(cursor)
      ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      : undefined;
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3)
    throw badInput(argument, { id: `"${cursor}" bukan kursor yang sah`, en: `"${cursor}" is not a valid cursor` });
  const [name, key, id] = parsed as [unknown, unknown, unknown];
  if (name !== order.name) {
    throw badInput(argument, {
      id: 'kursor ini milik urutan daftar yang lain; mulai lagi dari halaman pertama',
      en: 'this cursor belongs to another ordering of the list; page again from the start',
    });
  }
  if (!fits(key, order.keyType) || !fits(id, order.idType ?? 'bigint')) {
    throw badInput(argument, { id: `"${cursor}" bukan kursor yang sah`, en: `"${cursor}" is not a valid cursor` });
  }
  return [key as string | number, id as string | number];
}

function fits(value: unknown, type: KeyType): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
    case 'date':
      return typeof value === 'string' && isCalendarDate(value);
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2_147_483_647;
    case 'bigint':
      return typeof value === 'number' && Number.isSafeInteger(value);
  }
}

/**
 * Validates first/after/last/before against an ordering: page sizes from 0 to the configured
 * maximum, not first and last together, cursors of this ordering. Errors name the argument.
 */
export function pageWindow(args: PageArgs, order: Ordering, maxPageSize: number): PageWindow {
  const { first, last, after, before } = args;
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value === null || value === undefined) continue;
    if (value < 0)
      throw badInput(name, { id: `tidak boleh negatif, tertulis ${value}`, en: `must not be negative, got ${value}` });
    if (value > maxPageSize)
      throw badInput(name, {
        id: `paling banyak ${maxPageSize}, tertulis ${value}; gunakan kursor untuk berpindah halaman`,
        en: `must be at most ${maxPageSize}, got ${value}; page with the cursors instead`,
      });
  }
  if (first != null && last != null)
    throw badInput('last', { id: 'isi first atau last, jangan keduanya', en: 'pass either first or last, not both' });
  const backward = last != null || (first == null && before != null);
  return {
    size: (backward ? last : first) ?? DEFAULT_PAGE_SIZE,
    backward,
    after: after != null ? decodeCursor(after, 'after', order) : null,
    before: before != null ? decodeCursor(before, 'before', order) : null,
  };
}

/** An edge whose cursor is encoded when it is asked for: nested pages are mostly asked for their nodes alone. */
class PageEdge<Node> {
  #cursor: string | undefined;

  constructor(
    private readonly order: Ordering,
    private readonly row: PageRow<unknown>,
    readonly node: Node,
  ) {}

  get cursor(): string {
    this.#cursor ??= encodeCursor(this.order, this.row.__key, this.row.__id);
    return this.#cursor;
  }
}

/** The page's first and last cursors, likewise encoded when asked for. */
class PageCursors implements PageInfo {
  constructor(
    readonly hasNextPage: PageInfo['hasNextPage'],
    readonly hasPreviousPage: PageInfo['hasPreviousPage'],
    private readonly edges: readonly PageEdge<unknown>[],
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

function assemble<Row, Node>(
  page: PageRows<Row>,
  order: Ordering,
  window: PageWindow,
  map: (row: PageRow<Row>) => Node,
  totalCount: () => Promise<number>,
  behind: () => Promise<boolean>,
): Connection<Node> {
  const nodes = page.rows.map(map);
  const edges = page.rows.map((row, i) => new PageEdge(order, row, nodes[i] as Node));
  const pageInfo = new PageCursors(
    window.backward ? (window.before ? behind : false) : page.hasMore,
    window.backward ? page.hasMore : window.after ? behind : false,
    edges,
  );
  return { edges, nodes, pageInfo, totalCount };
}

function once<T>(run: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= run());
}

/**
 * A top-level connection over a filtered base query: one statement for the page; totalCount and
 * the opposite page-info flag run only when asked for. With `nested` (connections the operation
 * asks under each row, see nestedPrefetch), their pages come in the page's statement and prime
 * the loaders nestedConnection reads, so they need no statement of their own.
 */
export async function listConnection<Row, Node>(
  query: ListQuery,
  order: Ordering,
  window: PageWindow,
  map: (row: PageRow<Row>) => Node,
  nested?: { readonly ctx: Context; readonly specs: readonly NestedSpec<never, unknown>[] },
): Promise<Connection<Node>> {
  const page = await fetchPage<Row>(
    query,
    order,
    window,
    nested && { db: nested.ctx.db, pages: columns(nested.specs) },
  );
  if (nested) primeNested(nested.ctx, page.rows, nested.specs);
  const connection = assemble(
    page,
    order,
    window,
    map,
    once(() => countRows(query)),
    once(() => existsBehind(query, order, window)),
  );
  if (nested) attachNested(nested.ctx, page.rows, connection.nodes, nested.specs);
  return connection;
}

/** Connections nested under rows, as JSON columns of the rows' statement. */
const columns = (specs: readonly NestedSpec<never, unknown>[]): NestedPage[] =>
  specs.map((spec, i) => ({ column: `__nested_${i}`, build: spec.build, order: spec.order, window: spec.window }));

/** Primes the loaders nestedConnection reads with the nested pages that came with `rows` (columns()). */
function primeNested(ctx: Context, rows: readonly object[], specs: readonly NestedSpec<never, unknown>[]): void {
  specs.forEach((spec, i) => {
    const loaders = nestedLoaders(ctx, spec);
    for (const row of rows as Array<Record<string, unknown>>) {
      loaders.fetched.set(row.id as number, trim(row[`__nested_${i}`] as PageRow<never>[], spec.window));
    }
  });
}

/**
 * The first row of a query (limited to one row, selecting an `id`), with the connections in
 * `specs` nested under it fetched in the same statement (see listConnection); undefined when there
 * is none.
 */
export async function fetchRowWithNested<Row>(
  ctx: Context,
  query: ListQuery,
  specs: readonly NestedSpec<never, unknown>[],
): Promise<Row | undefined> {
  if (specs.length === 0) return (await query.executeTakeFirst()) as Row | undefined;
  const rows = await fetchWithNested<Row & object>(ctx.db, query, columns(specs));
  primeNested(ctx, rows.slice(0, 1), specs);
  return rows[0];
}

export interface NestedSpec<Row, Node> {
  /** Names the relation (e.g. "Enterprise.products"); with `args`, it keys the request's loaders. */
  readonly relation: string;
  /** Everything besides the parent that shapes the list (filter, order, window); JSON-serialisable. */
  readonly args: unknown;
  readonly build: NestedListBuilder;
  readonly order: Ordering;
  readonly window: PageWindow;
  readonly map: (row: PageRow<Row>) => Node;
  /**
   * The field's selection in the operation (lookahead.ts, rowFieldSelection), when the spec was
   * made from it: each row's page is then its answer there, without a call to its resolver
   * (answerPrefetched). So set it only for a field whose resolver does nothing but answer
   * nestedConnection with this spec: no authorization or middleware of its own would run.
   */
  readonly field?: FieldNode;
}

interface NestedLoaders<Row> {
  /** Pages that came with their parents' statement (primeNested): answered at once, without a promise. */
  fetched: Map<number, PageRows<Row>>;
  pages: DataLoader<number, PageRows<Row>>;
  counts: DataLoader<number, number>;
  behind: DataLoader<number, boolean>;
}

/**
 * A connection nested under a parent (an agency's programs, an enterprise's products). Every
 * parent in the request asking with the same arguments is served by ONE statement (a LATERAL
 * join), and so are their totalCounts. A page that came with its parent's statement is answered
 * at once (no promise: graphql-js then completes the parent's row without one either).
 */
export function nestedConnection<Row, Node>(
  ctx: Context,
  parentId: number,
  spec: NestedSpec<Row, Node>,
): Connection<Node> | Promise<Connection<Node>> {
  return nestedAnswer(nestedLoaders(ctx, spec), parentId, spec);
}

function nestedAnswer<Row, Node>(
  loaders: NestedLoaders<Row>,
  parentId: number,
  spec: NestedSpec<Row, Node>,
): Connection<Node> | Promise<Connection<Node>> {
  const connection = (page: PageRows<Row>) =>
    assemble(
      page,
      spec.order,
      spec.window,
      spec.map,
      once(() => loaders.counts.load(parentId)),
      once(() => loaders.behind.load(parentId)),
    );
  const fetched = loaders.fetched.get(parentId);
  return fetched ? connection(fetched) : loaders.pages.load(parentId).then(connection);
}

/** The request's loaders of a nested connection, one set per relation and arguments. */
function nestedLoaders<Row, Node>(ctx: Context, spec: NestedSpec<Row, Node>): NestedLoaders<Row> {
  const key = `nested:${spec.relation}:${JSON.stringify(spec.args)}:${JSON.stringify(spec.window)}:${spec.order.name}`;
  return loader<NestedLoaders<Row>>(ctx, key, () => ({
    fetched: new Map(),
    pages: new DataLoader(async (ids) => {
      const pages = await fetchNestedPages<Row>(ctx.db, ids, spec.build, spec.order, spec.window);
      return ids.map((id) => pages.get(id) ?? { rows: [], hasMore: false });
    }),
    counts: new DataLoader(async (ids) => {
      const counts = await countNestedRows(ctx.db, ids, spec.build);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    behind: new DataLoader(async (ids) => {
      const found = await existsNestedBehind(ctx.db, ids, spec.build, spec.order, spec.window);
      return ids.map((id) => found.has(id));
    }),
  }));
}

/**
 * The answers of connection fields that came with their parents' page (NestedSpec.field), kept on
 * the parent object under this key, by the field's selection in the operation. A selection is a
 * node of the parsed operation, so an answer serves that selection of that parent and nothing else.
 */
const PREFETCHED = Symbol('prefetched connections');

type WithPrefetched = { [PREFETCHED]?: Map<FieldNode, unknown> };

/** Records each row's nested connections as the answers of their fields on the row's node. */
function attachNested(
  ctx: Context,
  rows: readonly object[],
  nodes: readonly unknown[],
  specs: readonly NestedSpec<never, unknown>[],
): void {
  for (const spec of specs) {
    const field = spec.field;
    if (!field) continue;
    const loaders = nestedLoaders(ctx, spec);
    rows.forEach((row, i) => {
      const node = nodes[i] as WithPrefetched | null | undefined;
      if (typeof node !== 'object' || node === null) return;
      node[PREFETCHED] ??= new Map();
      node[PREFETCHED].set(field, nestedAnswer(loaders, (row as { id: number }).id, spec));
    });
  }
}

/**
 * Lets every connection field of the schema answer from the answers kept on its parent object
 * (PREFETCHED) before calling its resolver: an enterprise's products that came with the page are
 * then 50 lookups, not 50 resolver calls (type-graphql's wrapper converts and checks the arguments
 * of each, through a promise). The answer is the resolver's own: nestedConnection with the spec
 * made from the same arguments.
 */
export function answerPrefetched(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !getNamedType(field.type).name.endsWith('Connection')) continue;
      field.resolve = (source, args, context, info) => {
        const answer =
          info.fieldNodes.length === 1 && typeof source === 'object' && source !== null
            ? (source as WithPrefetched)[PREFETCHED]?.get(info.fieldNodes[0] as FieldNode)
            : undefined;
        return answer ?? resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
