import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../../graphql/connection.ts';

export const RegionLevel = {
  PROVINCE: 'PROVINCE',
  REGENCY: 'REGENCY',
  DISTRICT: 'DISTRICT',
  VILLAGE: 'VILLAGE',
} as const;
export type RegionLevel = keyof typeof RegionLevel;
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: "A level of Indonesia's administrative regions (Kemendagri codes).",
  valuesConfig: {
    PROVINCE: { description: 'Provinsi, level 1, code like 61.' },
    REGENCY: { description: 'Kabupaten or kota, level 2, code like 61.12.' },
    DISTRICT: { description: 'Kecamatan, level 3, code like 61.12.01.' },
    VILLAGE: { description: 'Desa or kelurahan, level 4, code like 61.12.01.2001.' },
  },
});

const LEVELS: readonly RegionLevel[] = ['PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE'];

@ObjectType('Region', {
  simpleResolvers: true,
  description:
    "An administrative region of Indonesia (Kemendagri code): a province, regency or city, district (kecamatan) or village (desa/kelurahan). Parties are located in regions; a party is local when its region lies inside this API's regency.",
})
export class Region {
  @Field(() => String, {
    description:
      'The Kemendagri region code, e.g. "61" (Kalimantan Barat), "61.12" (Kubu Raya), "61.12.01" (a kecamatan).',
  })
  code!: string;

  @Field(() => Int, {
    description: 'The level: 1 province, 2 regency or city, 3 district (kecamatan), 4 village (desa/kelurahan).',
  })
  level!: number;

  @Field(() => RegionLevel, { description: 'The level by name.' })
  levelName!: RegionLevel;

  @Field(() => String, { description: 'The official name, e.g. "Kabupaten Kubu Raya", "Sungai Raya".' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The code of the region this one lies in (null for a province).',
  })
  parentCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Population, where the reference data has it.' })
  population!: number | null;

  @Field(() => Float, { nullable: true, description: 'Area in square kilometres, where the reference data has it.' })
  areaKm2!: number | null;

  @Field(() => Boolean, {
    description: "True when the region is this API's regency or lies inside it (parties located here count as local).",
  })
  isLocal!: boolean;
}

/** A region row as a GraphQL Region. */
export function toRegion(
  row: {
    code: string;
    level: number;
    name: string;
    parent_code: string | null;
    population: number | null;
    area_km2: number | null;
  },
  tenantId: string,
): Region {
  return Object.assign(new Region(), {
    code: row.code,
    level: row.level,
    levelName: LEVELS[row.level - 1] ?? 'VILLAGE',
    name: row.name,
    parentCode: row.parent_code,
    population: row.population,
    areaKm2: row.area_km2,
    isLocal: isLocalRegion(row.code, tenantId),
  });
}

/** True when a region code is the tenant's regency or inside it (docs/metrics.md "Sets and terms": a party is local…). */
export function isLocalRegion(code: string | null | undefined, tenantId: string): boolean {
  return code != null && (code === tenantId || code.startsWith(`${tenantId}.`));
}

export const RegionConnection = connectionType('Region', () => Region, 'regions');
