import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.ts';
import { findAbout } from './about.queries.ts';
import { About } from './about.types.ts';

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About, {
    description: 'Which regency this is, whether the demo data is loaded, and the period the data covers.',
  })
  async about(@Ctx() ctx: Context): Promise<About> {
    const row = await findAbout(ctx.db, ctx.tenantId);
    if (!row) throw new Error(`tenant ${ctx.tenantId} is missing: the database is not migrated`);
    return {
      tenantId: row.id,
      tenantName: row.name,
      demoData: row.demo_seed !== null,
      demoSeed: row.demo_seed,
      firstTransactionOn: row.first,
      lastTransactionOn: row.last,
    };
  }
}
