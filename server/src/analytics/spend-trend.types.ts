import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars.ts';
import { SpendSummary } from './spend-summary.types.ts';

export const Interval = { MONTH: 'MONTH', QUARTER: 'QUARTER', YEAR: 'YEAR' } as const;
export type Interval = keyof typeof Interval;
registerEnumType(Interval, {
  name: 'Interval',
  description: 'The length of the periods of a trend.',
  valuesConfig: {
    MONTH: { description: 'Calendar months.' },
    QUARTER: { description: 'Calendar quarters (January-March …).' },
    YEAR: { description: 'Calendar years (= fiscal years).' },
  },
});

@ObjectType('SpendPoint', {
  simpleResolvers: true,
  description:
    'The spend summary of one period of a trend. Periods without purchases are included (amounts 0, shares null); the first and last period may be covered only in part by the filter.',
})
export class SpendPoint extends SpendSummary {
  @Field(() => DateScalar, { description: 'First day of the calendar period.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the calendar period.' })
  periodEnd!: string;
}
