import { Arg } from 'type-graphql';

/*
 * The arguments every list field shares besides its page (PageArgs in connection.ts): an optional
 * `filter` and an optional `orderBy`, described alike everywhere.
 */

/** A filter or order input class, as type-graphql takes it. */
type InputType = () => object;

const FILTER_DESCRIPTION = 'Only the rows that meet every condition given; all rows when omitted.';
const ORDER_BY_DESCRIPTION = 'How to sort; the default is in the field description.';

/** The optional `filter` argument of a list field: every condition given must hold. */
export function FilterArg(type: InputType) {
  return Arg('filter', type, { nullable: true, description: FILTER_DESCRIPTION });
}

/** The optional `orderBy` argument of a list field; `description` names the default order when it says more. */
export function OrderByArg(type: InputType, description = ORDER_BY_DESCRIPTION) {
  return Arg('orderBy', type, { nullable: true, description });
}
