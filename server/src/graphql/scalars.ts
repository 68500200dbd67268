import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function badValue(scalar: string, reason: string): GraphQLError {
  return new GraphQLError(`${scalar}: ${reason}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

function toRupiah(value: unknown): number {
  const n = typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n))
    throw badValue('Rupiah', `expected a whole number of rupiah, got ${JSON.stringify(value)}`);
  return n;
}

/** Whole rupiah as a JSON number (a safe integer); amounts are exact. */
export const RupiahScalar = new GraphQLScalarType({
  name: 'Rupiah',
  description:
    'An amount of money in whole Indonesian rupiah (IDR), as a JSON number that is a safe integer. Example: 1250000 is Rp1.250.000.',
  serialize: toRupiah,
  parseValue: toRupiah,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw badValue('Rupiah', 'expected a whole number of rupiah');
    return toRupiah(Number(ast.value));
  },
});

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: unknown): string {
  if (typeof value !== 'string') throw badValue('Date', `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const match = DATE_PATTERN.exec(value);
  if (!match) throw badValue('Date', `expected a date YYYY-MM-DD, got "${value}"`);
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    throw badValue('Date', `"${value}" is not a calendar date`);
  }
  return value;
}

/** A calendar date, `YYYY-MM-DD`, without time or time zone. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD (no time, no time zone). Example: "2021-03-31".',
  serialize: toDate,
  parseValue: toDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badValue('Date', 'expected a date string YYYY-MM-DD');
    return toDate(ast.value);
  },
});
