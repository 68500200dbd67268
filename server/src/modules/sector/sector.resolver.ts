import { Query, Resolver } from 'type-graphql';
import { allSectors, Sector } from './sector.types.ts';

@Resolver(() => Sector)
export class SectorResolver {
  @Query(() => [Sector], {
    description: 'The sectors of the economy (KBLI 2020 sections A to U), for filters and labels.',
  })
  sectors(): Sector[] {
    return allSectors();
  }
}
