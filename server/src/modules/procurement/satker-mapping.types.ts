import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { SatkerMappingSource } from '../../graphql/enums.ts';

@ObjectType('SatkerMapping', {
  simpleResolvers: true,
  description:
    'Which agency a work unit (satker) of LKPP\'s procurement datasets is: the ISB import sends the unit\'s purchases and plans to it (docs/imports.md, "Work units → agencies").',
})
export class SatkerMapping {
  /** The agency's party id (the `agency` field resolves it). */
  agencyId!: number;

  @Field(() => String, { description: "The work unit's code in LKPP's datasets (kd_satker, e.g. 201901)." })
  kdSatker!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The SIPD agency code the master data gives for the unit (kd_satker_str); null when not imported.',
  })
  kdSatkerStr!: string | null;

  @Field(() => String, { nullable: true, description: "The unit's name in the master data (nama_satker)." })
  namaSatker!: string | null;

  @Field(() => SatkerMappingSource)
  source!: SatkerMappingSource;

  @Field(() => GraphQLDateTimeISO, { description: 'When the mapping last changed.' })
  updatedAt!: Date;
}
