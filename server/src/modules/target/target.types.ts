import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PolicyMetric } from '../../graphql/enums.ts';
import { Node } from '../../graphql/node.ts';

@ObjectType('PolicyTarget', {
  implements: Node,
  simpleResolvers: true,
  description:
    "A policy target for one fiscal year: the regent's regulation on the share of spending that goes to local UMKM (LOCAL_UMKM_SHARE), or Perpres 12/2021's 40 % for micro and small enterprises and cooperatives (UMK_SHARE). Set for the whole regency, or for one agency.",
})
export class PolicyTarget extends Node {
  /** The database id (clients use the opaque global `id`). */
  rowId!: number;
  agencyId!: number | null;

  @Field(() => String, { description: 'The name of the target, e.g. "Target belanja produk UMKM lokal 2023".' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The legal basis, e.g. "Peraturan Bupati Kubu Raya …" or "Perpres 12/2021".',
  })
  legalBasis!: string | null;

  @Field(() => PolicyMetric, { description: 'The measure the target is set on (docs/metrics.md).' })
  metric!: PolicyMetric;

  @Field(() => Float, { description: 'The target share as a fraction: 0.4 means 40 %.' })
  targetShare!: number;

  @Field(() => Int, { description: 'The fiscal year the target applies to.' })
  fiscalYear!: number;
}

@ObjectType('CollectionTarget', {
  simpleResolvers: true,
  description:
    'The data-collection (pendataan) target of one district (kecamatan) for one year: how many UMKM and cooperatives to register.',
})
export class CollectionTarget {
  @Field(() => String, { description: 'The district code, e.g. "61.12.01".' })
  regionCode!: string;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'How many enterprises (UMKM) the district should have registered.' })
  enterprises!: number;

  @Field(() => Int, { description: 'How many cooperatives the district should have registered.' })
  cooperatives!: number;
}
