import { Field, Float, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection.ts';
import { Node } from '../../graphql/node.ts';
import { RupiahScalar } from '../../graphql/scalars.ts';

@ObjectType('Program', {
  implements: Node,
  simpleResolvers: true,
  description:
    'A program or activity (program kegiatan) of an agency in one fiscal year, with its budget and, optionally, its own target for the share of spending that goes to local UMKM. Purchases recorded against the program are its realisation.',
})
export class Program extends Node {
  /** The database id (clients use the opaque global `id`). */
  rowId!: number;
  /** The agency's party id. */
  agencyId!: number;

  @Field(() => String, { description: 'The program or activity code in the regional budget, e.g. "1.01.02.2.01".' })
  code!: string;

  @Field(() => String, { description: 'The name, e.g. "Pengadaan Seragam Sekolah dari UMKM Lokal".' })
  name!: string;

  @Field(() => Int, { description: 'The fiscal year (the Indonesian budget year is the calendar year).' })
  fiscalYear!: number;

  @Field(() => RupiahScalar, { description: 'The budget (pagu) in rupiah.' })
  budget!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The program's own target for the local-UMKM share, as a fraction (0.4 = 40 %); null when the program has none (the agency's or the regency's target applies).",
  })
  localTargetShare!: number | null;
}

export const ProgramConnection = connectionType('Program', () => Program, 'programs');
