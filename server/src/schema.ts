import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { analyticsResolvers } from './analytics/resolvers.ts';
import { ApiKeyResolver } from './auth/api-key.resolver.ts';
import { AuthResolver } from './auth/auth.resolver.ts';
import { authChecker } from './auth/auth-checker.ts';
import { answerPrefetched } from './graphql/pagination.ts';
import { AboutResolver } from './modules/about/about.resolver.ts';
import {
  AssistanceResolver,
  EnterpriseAssistanceResolver,
  ProgramAssistanceResolver,
} from './modules/assistance/assistance.resolver.ts';
import { AssistanceWriteResolver } from './modules/assistance/assistance-write.resolver.ts';
import { ImportJobResolver } from './modules/import/import-job.resolver.ts';
import { NodeResolver } from './modules/node/node.resolver.ts';
import { CooperativeWriteResolver } from './modules/party/cooperative-write.resolver.ts';
import { DuplicatesResolver } from './modules/party/duplicates.resolver.ts';
import { CooperativeResolver, EnterpriseResolver } from './modules/party/enterprise.resolver.ts';
import { EnterpriseWriteResolver } from './modules/party/enterprise-write.resolver.ts';
import { MergeResolver } from './modules/party/merge.resolver.ts';
import { NetworkUnitWriteResolver } from './modules/party/network-unit-write.resolver.ts';
import { AgencyResolver, NetworkUnitResolver, PartyResolver } from './modules/party/party.resolver.ts';
import { SatkerMappingResolver } from './modules/procurement/satker-mapping.resolver.ts';
import { PartyProductsResolver, ProductResolver } from './modules/product/product.resolver.ts';
import { ProductWriteResolver } from './modules/product/product-write.resolver.ts';
import { AgencyProgramsResolver, ProgramResolver } from './modules/program/program.resolver.ts';
import { ProgramWriteResolver } from './modules/program/program-write.resolver.ts';
import { RegencyResolver } from './modules/regency/regency.resolver.ts';
import { RegionResolver } from './modules/region/region.resolver.ts';
import { SectorResolver } from './modules/sector/sector.resolver.ts';
import { EnterpriseSnapshotResolver, EnterpriseSnapshotsResolver } from './modules/snapshot/snapshot.resolver.ts';
import { SnapshotWriteResolver } from './modules/snapshot/snapshot-write.resolver.ts';
import { CollectionTargetResolver, PolicyTargetResolver } from './modules/target/target.resolver.ts';
import { TargetWriteResolver } from './modules/target/target-write.resolver.ts';
import {
  PartyTransactionsResolver,
  ProgramTransactionsResolver,
  TransactionResolver,
} from './modules/transaction/transaction.resolver.ts';
import { TransactionWriteResolver } from './modules/transaction/transaction-write.resolver.ts';

/**
 * Every resolver of the API. Add a domain's resolvers here; the emitted schema/schema.graphql
 * follows (pnpm schema:emit) and a test fails when the committed file is stale.
 */
export const resolvers = [
  AboutResolver,
  // Accounts, sessions, API keys (server/src/auth).
  AuthResolver,
  ApiKeyResolver,
  NodeResolver,
  // The domain graph (server/src/modules/*).
  PartyResolver,
  AgencyResolver,
  NetworkUnitResolver,
  EnterpriseResolver,
  CooperativeResolver,
  EnterpriseWriteResolver,
  CooperativeWriteResolver,
  MergeResolver,
  DuplicatesResolver,
  NetworkUnitWriteResolver,
  RegencyResolver,
  RegionResolver,
  SectorResolver,
  ProgramResolver,
  AgencyProgramsResolver,
  ProgramWriteResolver,
  ProductResolver,
  PartyProductsResolver,
  ProductWriteResolver,
  TransactionResolver,
  PartyTransactionsResolver,
  ProgramTransactionsResolver,
  TransactionWriteResolver,
  AssistanceResolver,
  EnterpriseAssistanceResolver,
  ProgramAssistanceResolver,
  AssistanceWriteResolver,
  EnterpriseSnapshotsResolver,
  EnterpriseSnapshotResolver,
  SnapshotWriteResolver,
  PolicyTargetResolver,
  CollectionTargetResolver,
  TargetWriteResolver,
  ImportJobResolver,
  SatkerMappingResolver,
  // The measures of docs/metrics.md (server/src/analytics/*).
  ...analyticsResolvers,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers: [...resolvers], validate: false, authChecker }).then(answerPrefetched);
  return cached;
}
