import type { PartyKind } from '../src/database.ts';
import type { ImportContext, ProductTarget } from './context.ts';
import type { RowReader } from './row.ts';

/** The id of the party a ref column names, checking its kind; null (with an issue) when it cannot be used. */
export function partyId(
  ctx: ImportContext,
  row: RowReader,
  column: string,
  options: { required?: boolean; kinds?: readonly PartyKind[] } = {},
): number | null {
  const ref = row.token(column, { required: options.required });
  if (!ref) return null;
  const found = ctx.parties.lookup(ref, column);
  if ('reason' in found) return row.fail(column, found.reason);
  const { kinds } = options;
  if (kinds && !kinds.includes(found.value.kind)) {
    return row.fail(column, {
      id: `${column} ${ref} berjenis ${found.value.kind}, bukan ${kinds.join(' atau ')}`,
      en: `${column} ${ref} is ${found.value.kind}, not ${kinds.join(' or ')}`,
    });
  }
  return found.value.id;
}

export function programId(ctx: ImportContext, row: RowReader, column: string): number | null {
  const ref = row.token(column);
  if (!ref) return null;
  const found = ctx.programs.lookup(ref, column);
  return 'reason' in found ? row.fail(column, found.reason) : found.value.id;
}

export function product(ctx: ImportContext, row: RowReader, column: string): ProductTarget | null {
  const ref = row.token(column);
  if (!ref) return null;
  const found = ctx.products.lookup(ref, column);
  return 'reason' in found ? row.fail(column, found.reason) : found.value;
}
