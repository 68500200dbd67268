import type { CoopType } from '../src/database.ts';
import { cat, NO_CATEGORY, SECTOR_INDEX } from './catalog.ts';
import type { Collection } from './firms.ts';
import { pad, registrationDay } from './firms.ts';
import { COOPERATIVE_NAMES, fillPattern } from './names.ts';
import { Random } from './random.ts';
import type { Build, CollectionTarget, CoopInfo, CoopSubtype, District, Enterprises, Village } from './registry.ts';
import { COOPERATIVE_PASS_ON, COUNTS } from './story.ts';

/*
 * Cooperatives: producer (farmers selling rice, fishers, craft), savings and loan, consumer,
 * marketing and services cooperatives, with members from the enterprises of their district (farmer
 * cooperatives from rice and horticulture growers), verification shaped like the enterprises', and
 * the data-collection targets per kecamatan (in proportion to its villages) for 2021-2025.
 */

export function buildCooperatives(
  b: Build,
  enterprises: Enterprises,
  collection: Collection,
): { cooperatives: CoopInfo[]; collectionTargets: CollectionTarget[] } {
  const targetRng = collection.rng;
  const districtProgress = collection.progress;
  const districtTargets = collection.enterpriseTargets;
  const ramp = collection.ramp;
  const villagesTotal = b.villages.length;
  const collectionTargets: CollectionTarget[] = [];
  const farmSectors = new Set(['rice', 'farm'].map((k) => SECTOR_INDEX.get(k)));
  const fishSector = SECTOR_INDEX.get('fishery');
  const craftSectors = new Set(['crafts', 'processed'].map((k) => SECTOR_INDEX.get(k)));
  const snackSector = SECTOR_INDEX.get('snacks');
  type MemberGroup = 'farm' | 'fish' | 'craft' | 'all';
  const groupOf = (sector: number): MemberGroup[] =>
    farmSectors.has(sector)
      ? ['farm', 'all']
      : sector === fishSector
        ? ['fish', 'all']
        : craftSectors.has(sector) || sector === snackSector
          ? ['craft', 'all']
          : ['all'];
  // Candidate members per district and kind of cooperative (and regency-wide, for thin b.districts).
  const candidatesBy = new Map<string, number[]>();
  for (let e = 0; e < enterprises.count; e++) {
    if (!enterprises.isUmkm(e)) continue;
    const district = (b.villages[enterprises.village[e]!] as Village).district;
    for (const g of groupOf(enterprises.sector[e]!)) {
      for (const key of [`${district}:${g}`, `*:${g}`]) {
        const list = candidatesBy.get(key);
        if (list) list.push(e);
        else candidatesBy.set(key, [e]);
      }
    }
  }
  const nCoops = b.count(COUNTS.cooperatives);
  const cooperatives: CoopInfo[] = [];
  const coopSubtypes: CoopSubtype[] = [
    'FARMER',
    'FISHER',
    'CRAFT',
    'SAVINGS_LOAN',
    'CONSUMER',
    'MARKETING',
    'SERVICES',
    'OTHER',
  ];
  const coopSubtypeWeights = [30, 6, 6, 24, 14, 10, 5, 5];
  for (let i = 0; i < nCoops; i++) {
    const r = new Random(b.seed, 'cooperative', i);
    const village = r.weightedIndex(b.villageWeights);
    const v = b.villages[village] as Village;
    const subtype = r.weighted(coopSubtypes, coopSubtypeWeights);
    const type: CoopType = subtype === 'FARMER' || subtype === 'FISHER' || subtype === 'CRAFT' ? 'PRODUCER' : subtype;
    const name = fillPattern(
      r,
      r.pick(COOPERATIVE_NAMES[subtype] ?? COOPERATIVE_NAMES.OTHER ?? ['Koperasi {adj}']),
      v.name,
    );
    const foundedYear = r.int(1998, 2023);
    const registrationNo =
      foundedYear < 2016
        ? `${pad(100 + i, 4)}/BH/KUKM.${pad((b.districts[v.district] as District).number, 2)}/${foundedYear}`
        : `AHU-${pad((i * 7919 + 1021) % 10_000_000, 7)}.AH.01.26.TAHUN ${foundedYear}`;
    const category =
      subtype === 'FARMER'
        ? cat('FOOD_STAPLES')
        : subtype === 'FISHER'
          ? cat('FOOD_STAPLES')
          : subtype === 'CRAFT'
            ? cat('SOUVENIRS')
            : subtype === 'CONSUMER'
              ? r.pick([cat('FOOD_STAPLES'), cat('PRINTING_STATIONERY')])
              : subtype === 'MARKETING'
                ? r.pick([cat('SNACKS'), cat('SOUVENIRS')])
                : subtype === 'SERVICES'
                  ? cat('SERVICES')
                  : subtype === 'OTHER'
                    ? cat('OTHER')
                    : NO_CATEGORY;
    const group: MemberGroup =
      subtype === 'FARMER'
        ? 'farm'
        : subtype === 'FISHER'
          ? 'fish'
          : subtype === 'CRAFT' || subtype === 'MARKETING'
            ? 'craft'
            : 'all';
    let candidates = candidatesBy.get(`${v.district}:${group}`) ?? [];
    if (candidates.length < 3) candidates = candidatesBy.get(`*:${group}`) ?? [];
    const memberCount = Math.min(candidates.length, type === 'PRODUCER' ? r.int(5, 25) : r.int(2, 12));
    const chosen = new Set<number>();
    while (chosen.size < memberCount) chosen.add(candidates[r.int(0, candidates.length - 1)] as number);
    const members = [...chosen].sort((a, b) => a - b);
    const registeredDay = registrationDay(r, 0);
    cooperatives.push({
      index: i,
      id: b.nextId++,
      ref: `KOP-${pad(i + 1, 5)}`,
      name,
      village,
      type,
      subtype,
      registrationNo,
      membersCount: memberCount + r.int(15, type === 'SAVINGS_LOAN' ? 900 : 250),
      verification: 'DRAFT',
      registeredDay,
      status: r.weighted(['ACTIVE', 'DORMANT', 'CLOSED'] as const, [92, 6, 2]),
      sizeClass: r.weighted(['MICRO', 'SMALL', 'MEDIUM'] as const, [50, 40, 10]),
      category,
      members,
      joinedDays: members.map(() => r.int(0, Math.max(0, registeredDay))),
      passOn: r.uniform(...COOPERATIVE_PASS_ON),
    });
  }
  const coopTarget = Math.round(0.75 * nCoops);
  b.districts.forEach((d, index) => {
    const list = cooperatives.filter((c) => (b.villages[c.village] as Village).district === index);
    const target = Math.round((coopTarget * d.villages.length) / villagesTotal);
    const verified = Math.min(Math.round((districtProgress[index] as number) * target), Math.floor(list.length * 0.95));
    list
      .map((c) => ({ c, key: c.registeredDay + 900 * targetRng.float() }))
      .sort((a, b) => a.key - b.key)
      .forEach(({ c }, rank) => {
        c.verification = rank < verified ? 'VERIFIED' : targetRng.chance(0.05) ? 'REJECTED' : 'DRAFT';
      });
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const share = ramp[year] as number;
      collectionTargets.push({
        district: index,
        year,
        enterprises: Math.round((districtTargets[index] as number) * share),
        cooperatives: Math.max(1, Math.round(target * share)),
      });
    }
  });
  return { cooperatives, collectionTargets };
}
