import { Field, Float, Int, ObjectType } from 'type-graphql';
import { UnitType } from '../graphql/enums.ts';
import { SpendSummary } from './spend-summary.types.ts';

@ObjectType('UnitTypeSpend', {
  simpleResolvers: true,
  description: "The purchases of one type of unit in an agency's network.",
})
export class UnitTypeSpend {
  @Field(() => UnitType, { description: 'The unit type.' })
  unitType!: UnitType;

  @Field(() => Int, {
    description: "How many units of this type the agency's network has (whether they bought or not).",
  })
  units!: number;

  @Field(() => Int, { description: 'How many of them made at least one scoped purchase.' })
  activeUnits!: number;

  @Field(() => SpendSummary, { description: 'The spend summary of their purchases.' })
  summary!: SpendSummary;
}

@ObjectType('NetworkReach', {
  simpleResolvers: true,
  description:
    'What an agency\'s network (schools, health centres, village governments, associations… at any depth) adds to the agency\'s own purchases from local UMKM: the first view of the domino effect (docs/metrics.md "Network reach").',
})
export class NetworkReach {
  /** The agency's party id (the `agency` field resolves it). */
  agencyId!: number;

  @Field(() => SpendSummary, { description: "The agency's own purchases." })
  direct!: SpendSummary;

  @Field(() => SpendSummary, { description: 'The purchases of every unit of its network, government or not.' })
  network!: SpendSummary;

  @Field(() => [UnitTypeSpend], { description: 'The network split by unit type, largest first.' })
  byUnitType!: UnitTypeSpend[];

  @Field(() => Float, {
    nullable: true,
    description:
      '(direct.toLocalUmkm + network.toLocalUmkm) / direct.toLocalUmkm: how many rupiah reach local UMKM through agency and network for each rupiah the agency pays them itself. Null when the agency paid none.',
  })
  amplification!: number | null;

  @Field(() => Int, { description: 'Distinct local UMKM sellers the agency itself paid.' })
  sellersReachedDirect!: number;

  @Field(() => Int, { description: 'Distinct local UMKM sellers paid by the network but not by the agency itself.' })
  sellersReachedOnlyViaNetwork!: number;
}
