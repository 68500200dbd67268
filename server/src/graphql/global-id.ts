import { badInput } from '../errors.ts';

/** The GraphQL types that have global ids, and so can be fetched with `node(id)`. */
export type NodeType =
  | 'Agency'
  | 'NetworkUnit'
  | 'Enterprise'
  | 'Cooperative'
  | 'Vendor'
  | 'Program'
  | 'Product'
  | 'Transaction'
  | 'Assistance'
  | 'PolicyTarget';

const NODE_TYPES = new Set<string>([
  'Agency',
  'NetworkUnit',
  'Enterprise',
  'Cooperative',
  'Vendor',
  'Program',
  'Product',
  'Transaction',
  'Assistance',
  'PolicyTarget',
]);

/** Types with an opaque id that `node(id)` does not fetch (accounts: only their own resolvers, for ADMIN). */
export type IdType = NodeType | 'User' | 'ApiKey';

/** The opaque global id of a row: base64url of "Type:id". Clients must not parse it. */
export function encodeGlobalId(type: IdType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/**
 * Decodes a global id, throwing BAD_USER_INPUT naming `argument` when it is malformed or of a type
 * not in `expected` (when given).
 *
 * @example
 * const { id } = decodeGlobalId(args.agencyId, 'agencyId', ['Agency']);
 */
export function decodeGlobalId<T extends IdType = NodeType>(
  globalId: string,
  argument: string,
  expected?: readonly T[],
): { type: T; id: number } {
  const text = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z]+):([1-9][0-9]{0,15})$/.exec(text);
  const type = match?.[1];
  const id = Number(match?.[2]);
  const known = type !== undefined && (NODE_TYPES.has(type) || (expected ?? []).some((t) => t === type));
  if (!match || !type || !known || !Number.isSafeInteger(id)) {
    throw badInput(argument, { id: `"${globalId}" bukan id yang sah`, en: `"${globalId}" is not a valid id` });
  }
  if (expected && !expected.includes(type as T)) {
    throw badInput(argument, {
      id: `seharusnya id ${expected.join(' atau ')}, tertulis id ${type}`,
      en: `expected the id of ${expected.join(' or ')}, got the id of ${type}`,
    });
  }
  return { type: type as T, id };
}

/** The global id type of a party kind. */
export function partyNodeType(kind: 'AGENCY' | 'NETWORK_UNIT' | 'ENTERPRISE' | 'COOPERATIVE' | 'VENDOR'): NodeType {
  const map = {
    AGENCY: 'Agency',
    NETWORK_UNIT: 'NetworkUnit',
    ENTERPRISE: 'Enterprise',
    COOPERATIVE: 'Cooperative',
    VENDOR: 'Vendor',
  } as const;
  return map[kind];
}
