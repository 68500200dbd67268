import { AgencyScorecardResolver, AgencyScoreFieldResolver } from './agency-scorecard.resolver.ts';
import { DataCollectionResolver } from './data-collection.resolver.ts';
import { DominoEffectResolver } from './domino-effect.resolver.ts';
import { MarketAccessResolver } from './market-access.resolver.ts';
import { NetworkReachResolver } from './network-reach.resolver.ts';
import { AgencyPlannedVsRealisedResolver, PlannedVsRealisedResolver } from './planned-vs-realised.resolver.ts';
import { ProgramOutcomesResolver } from './program-outcomes.resolver.ts';
import { ProvinceOverviewResolver } from './province-overview.resolver.ts';
import { RecoveryIndexResolver } from './recovery-index.resolver.ts';
import { SpendByDistrictResolver } from './spend-by-district.resolver.ts';
import { SpendFlowsResolver } from './spend-flows.resolver.ts';
import { SpendSummaryResolver } from './spend-summary.resolver.ts';
import { SpendTrendResolver } from './spend-trend.resolver.ts';

/** The analytics resolvers (docs/metrics.md), registered in server/src/schema.ts. */
export const analyticsResolvers = [
  SpendSummaryResolver,
  SpendTrendResolver,
  AgencyScorecardResolver,
  AgencyScoreFieldResolver,
  SpendFlowsResolver,
  SpendByDistrictResolver,
  NetworkReachResolver,
  DominoEffectResolver,
  ProgramOutcomesResolver,
  RecoveryIndexResolver,
  MarketAccessResolver,
  DataCollectionResolver,
  PlannedVsRealisedResolver,
  AgencyPlannedVsRealisedResolver,
  ProvinceOverviewResolver,
] as const;
