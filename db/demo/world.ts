import { readRegions } from '../src/reference.ts';
import { buildCooperatives } from './cooperatives.ts';
import { buildEnterprises, buildOthers, OUTSIDE_REGIONS, shapeVerification } from './firms.ts';
import { buildAgencies, buildUnits } from './network.ts';
import { buildProducts, pairPartners } from './products.ts';
import { Random } from './random.ts';
import type { Build, District, Village, World } from './registry.ts';

/*
 * Builds the static registry of the demo (registry.ts describes it): runs the builders of
 * network.ts, firms.ts, cooperatives.ts and products.ts in a fixed order (ids are assigned as they
 * go).
 */

/** The regency the demo is drawn in (Kubu Raya): the shipped regions have its districts and villages. */
export const DEMO_REGENCY = '61.12';

export function buildWorld(seed: number, scale: number, fraction = 1, regency = DEMO_REGENCY): World {
  const size = scale * fraction;
  const regions = readRegions();
  const districtRows = regions.filter((r) => r.level === 3 && r.parent_code === regency);
  if (districtRows.length === 0) {
    throw new Error(`The demo dataset needs the districts and villages of ${regency}; the shipped regions have none.`);
  }
  const villages: Village[] = [];
  const districts: District[] = districtRows.map((d, i) => {
    const own = regions.filter((r) => r.level === 4 && r.parent_code === d.code);
    const indices = own.map((v) => {
      villages.push({ code: v.code, name: v.name, district: i });
      return villages.length - 1;
    });
    return { code: d.code, name: d.name, number: Number(d.code.slice(-2)), villages: indices };
  });
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  for (const [code] of OUTSIDE_REGIONS) {
    if (!regionName.has(code)) throw new Error(`region ${code} missing from the shipped regions`);
  }
  const villageWeights = villages.map((v, vi) => {
    const district = (districts[v.district] as District).number;
    const base = district === 1 ? 1.45 : district === 3 || district === 9 || district === 7 ? 1.1 : 0.85;
    return base * (0.6 + 0.8 * new Random(seed, 'village-weight', vi).float());
  });
  const b: Build = {
    seed,
    scale,
    regency,
    villages,
    districts,
    villageWeights,
    count: (n) => Math.max(1, Math.round(n * size)),
    nextId: 1,
    nibSerial: 0,
    nikSerial: 0,
  };

  const agencies = buildAgencies(b);
  const units = buildUnits(b, agencies);
  const enterprises = buildEnterprises(b);
  const collection = shapeVerification(b, enterprises);
  const { cooperatives, collectionTargets } = buildCooperatives(b, enterprises, collection);
  const others = buildOthers(b);
  const products = buildProducts(b, enterprises, cooperatives, others);
  pairPartners(b, enterprises);
  return {
    seed,
    scale,
    fraction,
    regency,
    districts,
    villages,
    agencies,
    units,
    enterprises,
    cooperatives,
    others,
    products,
    collectionTargets,
    partyCount: b.nextId - 1,
  };
}
