import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RupiahScalar } from '../graphql/scalars.ts';

export const FlowLevel = {
  AGENCY: 'AGENCY',
  BUYER_KIND: 'BUYER_KIND',
  CATEGORY: 'CATEGORY',
  SELLER_CLASS: 'SELLER_CLASS',
  SELLER_DISTRICT: 'SELLER_DISTRICT',
  SECTOR: 'SECTOR',
} as const;
export type FlowLevel = keyof typeof FlowLevel;
registerEnumType(FlowLevel, {
  name: 'FlowLevel',
  description: 'A way to split spending in a flow (Sankey) diagram.',
  valuesConfig: {
    AGENCY: {
      description: "The buying agency; a network unit's spending counts under its agency. Key: the agency's global id.",
    },
    BUYER_KIND: { description: 'AGENCY for an agency itself, else the unit type of the buying network unit.' },
    CATEGORY: { description: 'The category of goods (ProductCategory).' },
    SELLER_CLASS: { description: 'LOCAL_UMKM, LOCAL_OTHER, OUTSIDE_UMK or OUTSIDE_OTHER (SellerClass).' },
    SELLER_DISTRICT: {
      description:
        "The seller's kecamatan code; OUTSIDE for sellers outside the regency, UNKNOWN for local sellers without a kecamatan.",
    },
    SECTOR: { description: "The seller's KBLI section letter, or UNKNOWN." },
  },
});

export const SellerClass = {
  LOCAL_UMKM: 'LOCAL_UMKM',
  LOCAL_OTHER: 'LOCAL_OTHER',
  OUTSIDE_UMK: 'OUTSIDE_UMK',
  OUTSIDE_OTHER: 'OUTSIDE_OTHER',
} as const;
export type SellerClass = keyof typeof SellerClass;
registerEnumType(SellerClass, {
  name: 'SellerClass',
  description: 'The four classes of sellers of the SELLER_CLASS flow level (node keys).',
  valuesConfig: {
    LOCAL_UMKM: {
      description: 'Local UMKM: a local enterprise of micro, small, medium or unknown size, or a local cooperative.',
    },
    LOCAL_OTHER: { description: 'Any other local seller: large enterprises, local vendors.' },
    OUTSIDE_UMK: { description: 'A micro or small enterprise or a cooperative outside the regency.' },
    OUTSIDE_OTHER: { description: 'Any other seller outside the regency (or with an unknown location).' },
  },
});

@ObjectType('FlowNode', {
  simpleResolvers: true,
  description: 'A node of a flow diagram: one key of one level, with the spending that passes through it.',
})
export class FlowNode {
  @Field(() => ID, { description: 'LEVEL:key, unique in the graph; links refer to nodes by it.' })
  id!: string;

  @Field(() => FlowLevel, { description: 'The level this node belongs to.' })
  level!: FlowLevel;

  @Field(() => String, {
    description:
      "The key within the level: an agency's global id, a unit type, a category, a seller class, a kecamatan code or a KBLI section.",
  })
  key!: string;

  @Field(() => String, { description: 'A label to show (Indonesian; clients may localise from the key).' })
  label!: string;

  @Field(() => RupiahScalar, { description: 'Sum of the amounts of the scoped purchases with this key.' })
  value!: number;

  @Field(() => SellerClass, {
    nullable: true,
    description: 'The seller class, on the SELLER_CLASS level (the key as an enum); null on other levels.',
  })
  sellerClass!: SellerClass | null;
}

@ObjectType('FlowLink', { simpleResolvers: true, description: 'A link between nodes of consecutive levels.' })
export class FlowLink {
  @Field(() => ID, { description: 'The id of the node on the earlier level.' })
  source!: string;

  @Field(() => ID, { description: 'The id of the node on the next level.' })
  target!: string;

  @Field(() => RupiahScalar, { description: 'Sum of the amounts of the scoped purchases that fall in both nodes.' })
  value!: number;
}

@ObjectType('FlowGraph', {
  simpleResolvers: true,
  description:
    "The scoped spending split along the requested levels (a Sankey diagram); every level's node values sum to total.",
})
export class FlowGraph {
  @Field(() => [FlowLevel], { description: 'The levels, in order.' })
  levels!: FlowLevel[];

  @Field(() => [FlowNode], { description: 'The nodes, by level, largest first.' })
  nodes!: FlowNode[];

  @Field(() => [FlowLink], { description: 'The links between consecutive levels, largest first.' })
  links!: FlowLink[];

  @Field(() => RupiahScalar, { description: 'Total of the scoped purchases (as in spendSummary).' })
  total!: number;
}
