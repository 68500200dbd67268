import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../graphql/scalars.ts';

@ObjectType('SectorAmount', {
  simpleResolvers: true,
  description: 'The part of a re-spending round received by parties of one KBLI section.',
})
export class SectorAmount {
  @Field(() => String, { description: 'The KBLI section letter (A…U) of the receiving parties, or "UNKNOWN".' })
  sector!: string;

  @Field(() => Float, { description: 'Rupiah received in the round (fractional from round 2 on: a model quantity).' })
  amount!: number;
}

@ObjectType('DominoRound', {
  simpleResolvers: true,
  description:
    'One round of re-spending: round 1 is what government buyers paid local UMKM; round k+1 is what the receivers of round k paid on to other local non-government parties, in proportion to their revenue.',
})
export class DominoRound {
  @Field(() => Int, { description: 'The round number, from 1.' })
  round!: number;

  @Field(() => Float, {
    description:
      'Rupiah received in this round (R1 is whole rupiah; later rounds are model quantities with fractions).',
  })
  amount!: number;

  @Field(() => Int, { description: 'How many parties received something in this round.' })
  parties!: number;

  @Field(() => [SectorAmount], { description: 'The round split by KBLI section of the receivers, largest first.' })
  bySector!: SectorAmount[];
}

@ObjectType('DominoEffect', {
  simpleResolvers: true,
  description:
    'How far the government\'s local spending travels through recorded re-spending among local businesses (docs/metrics.md "Re-spending rounds"): a transaction-level LM3 and Leontief-style multiplier. Lower bounds: only recorded purchases propagate.',
})
export class DominoEffect {
  @Field(() => RupiahScalar, {
    description:
      'R1: paid by the scoped government buyers (agencies, and their government units with includeNetwork) to local UMKM.',
  })
  injection!: number;

  @Field(() => [DominoRound], { description: 'Rounds 1 … rounds.' })
  rounds!: DominoRound[];

  @Field(() => Float, {
    nullable: true,
    description: '(R1 + … + Rn) / R1 over the requested rounds; with 3 rounds this is LM3. Null when R1 is 0.',
  })
  multiplier!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The sum of all rounds / R1, iterated until a round adds less than 1e-9 · R1 (at most 1,000 rounds): the firm-level Leontief multiplier. Null when R1 is 0 or it did not converge.',
  })
  limitMultiplier!: number | null;

  @Field(() => Boolean, { description: 'Whether the limit iteration converged within 1,000 rounds.' })
  converged!: boolean;

  @Field(() => Int, { description: 'How many rounds the limit iteration computed (1 when R1 is 0).' })
  iterations!: number;
}
