import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars.ts';

export const RecoveryGroup = {
  NONE: 'NONE',
  SECTOR: 'SECTOR',
  DISTRICT: 'DISTRICT',
  SIZE_CLASS: 'SIZE_CLASS',
} as const;
export type RecoveryGroup = keyof typeof RecoveryGroup;
registerEnumType(RecoveryGroup, {
  name: 'RecoveryGroup',
  description: 'How to group enterprises in the recovery index.',
  valuesConfig: {
    NONE: { description: 'One series of every enterprise (key "ALL").' },
    SECTOR: { description: 'By KBLI section (key: the section letter, or UNKNOWN).' },
    DISTRICT: { description: 'By kecamatan (key: its code; OUTSIDE or UNKNOWN otherwise).' },
    SIZE_CLASS: { description: 'By size class (key: MICRO, SMALL, MEDIUM, LARGE or UNKNOWN).' },
  },
});

@ObjectType('RecoveryPoint', { simpleResolvers: true, description: "One month of a group's recovery index." })
export class RecoveryPoint {
  @Field(() => DateScalar, { description: 'The month (its first day).' })
  period!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      "100 · Σ revenue this month / Σ baseline (each enterprise's mean monthly revenue in the baseline year) over the panel: 100 = back to the baseline. Null when the panel is empty.",
  })
  index!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of the panel whose status this month is ACTIVE; null when the panel is empty.',
  })
  activeShare!: number | null;

  @Field(() => Int, {
    description:
      'The panel: enterprises of the group with a recorded revenue both in the baseline year and this month.',
  })
  panelSize!: number;
}

@ObjectType('RecoverySeries', {
  simpleResolvers: true,
  description: 'The recovery index of one group, month by month.',
})
export class RecoverySeries {
  @Field(() => String, {
    description: 'The group: a KBLI section letter, a kecamatan code, a size class, UNKNOWN, OUTSIDE or "ALL".',
  })
  key!: string;

  @Field(() => String, { description: 'A label to show (Indonesian; clients may localise from the key).' })
  label!: string;

  @Field(() => [RecoveryPoint], { description: 'One point per month of the range, empty months included.' })
  points!: RecoveryPoint[];
}
