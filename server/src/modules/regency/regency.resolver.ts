import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.ts';
import { listRegencies, type RegencyRow } from './regency.queries.ts';
import { Regency } from './regency.types.ts';

export const toRegency = (row: RegencyRow): Regency => ({
  code: row.id,
  name: row.name,
  provinceCode: row.province_code,
  hasData: row.has_data,
  demoData: row.demo,
});

@Resolver(() => Regency)
export class RegencyResolver {
  @Query(() => [Regency], {
    description:
      'The regencies this server holds, by code: any of them may be named in the Jejaring-Regency header. Readable by anyone.',
  })
  async regencies(@Ctx() ctx: Context): Promise<Regency[]> {
    return (await listRegencies(ctx.db)).map(toRegency);
  }
}
