import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AboutResolver } from './modules/about/about.resolver.ts';

/**
 * Every resolver of the API. Add a domain's resolvers here; the emitted schema/schema.graphql
 * follows (pnpm schema:emit) and a test fails when the committed file is stale.
 */
export const resolvers = [AboutResolver] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers: [...resolvers], validate: false });
  return cached;
}
