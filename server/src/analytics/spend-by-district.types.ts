import { Field, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../graphql/scalars.ts';

@ObjectType('DistrictSpend', {
  simpleResolvers: true,
  description: 'What the scoped purchases paid to local UMKM located in one kecamatan (docs/metrics.md "By district").',
})
export class DistrictSpend {
  /** The kecamatan's region code (the `region` field resolves it). */
  regionCode!: string;

  @Field(() => RupiahScalar, { description: 'Paid to local UMKM sellers located in this kecamatan.' })
  toLocalUmkm!: number;

  @Field(() => Int, { description: 'Distinct local UMKM sellers of this kecamatan paid at least once.' })
  sellersReached!: number;
}
