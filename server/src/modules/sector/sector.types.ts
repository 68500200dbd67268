import { KBLI_SECTIONS, kbliSection } from '@jejaring/db';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('Sector', {
  simpleResolvers: true,
  description:
    "A sector of the economy: a KBLI 2020 section (the same letters as ISIC Rev. 4), e.g. C manufacturing, G trade, I accommodation and food service. An enterprise's sector follows from the first two digits (the division) of its KBLI code.",
})
export class Sector {
  @Field(() => String, { description: 'The section letter, A to U.' })
  code!: string;

  @Field(() => String, { description: 'The Indonesian name, e.g. "Industri Pengolahan".' })
  name!: string;

  @Field(() => String, { description: 'The English name, e.g. "Manufacturing".' })
  nameEn!: string;
}

const SECTORS = new Map(
  KBLI_SECTIONS.map((s) => [
    s.section,
    Object.assign(new Sector(), { code: s.section, name: s.nameId, nameEn: s.nameEn }),
  ]),
);

/** Every KBLI section, A to U. */
export function allSectors(): Sector[] {
  return [...SECTORS.values()];
}

/** The sector of a five-digit KBLI code, or null when the code is missing or its division does not exist. */
export function sectorOfKbli(kbliCode: string | null): Sector | null {
  const section = kbliCode ? kbliSection(kbliCode) : null;
  return section ? (SECTORS.get(section as (typeof KBLI_SECTIONS)[number]['section']) ?? null) : null;
}
