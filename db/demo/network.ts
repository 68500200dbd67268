import { AGENCIES, FIXED_UNITS, NETWORKS, type NetworkKind } from './agencies.ts';
import { fillPattern } from './names.ts';
import { Random } from './random.ts';
import type { AgencyInfo, Build, District, UnitInfo, Village } from './registry.ts';

/*
 * The agencies (SKPD) and their networks: schools and school committees under Disdikbud,
 * puskesmas and their puskesmas pembantu under Dinkes, a UPT per kecamatan under Distan, every
 * village government under its kecamatan office with BUMDes under about half of them, and the
 * fixed UPT and associations (KORPRI, Dharma Wanita, PKK). Parents always get lower ids.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function buildAgencies(b: Build): AgencyInfo[] {
  const rng = new Random(b.seed, 'world');
  const villageByCode = new Map(b.villages.map((v, i) => [v.code, i]));
  const capitalVillages = [`${b.regency}.01.2001`, `${b.regency}.01.2016`, `${b.regency}.01.2003`]
    .map((code) => villageByCode.get(code))
    .filter((v): v is number => v !== undefined);
  const agencies: AgencyInfo[] = AGENCIES.filter((spec) => !spec.district || spec.district <= b.districts.length).map(
    (spec, index) => {
      const village =
        spec.district !== undefined
          ? ((b.districts[spec.district - 1] as District).villages[0] as number)
          : rng.weighted(
              capitalVillages.length ? capitalVillages : [0],
              [6, 2, 1].slice(0, Math.max(1, capitalVillages.length)),
            );
      return { index, id: b.nextId++, ref: `AGENCY-${spec.key}`, spec, village, units: [] };
    },
  );

  return agencies;
}

export function buildUnits(b: Build, agencies: readonly AgencyInfo[]): UnitInfo[] {
  const agencyByKey = new Map(agencies.map((a) => [a.spec.key, a]));
  const units: UnitInfo[] = [];
  const pendingChildren: Array<() => void> = [];
  const unitRng = new Random(b.seed, 'units');
  const addUnit = (
    agency: AgencyInfo,
    kind: NetworkKind,
    name: string,
    village: number,
    parentId: number,
    members: number,
    weight: number,
  ) => {
    const unit: UnitInfo = {
      index: units.length,
      id: b.nextId++,
      ref: `UNIT-${pad(units.length + 1, 5)}`,
      name,
      kind,
      spec: NETWORKS[kind],
      agency: agency.index,
      parentId,
      village,
      members,
      weight: NETWORKS[kind].weight * weight,
    };
    units.push(unit);
    agency.units.push(unit.index);
    return unit;
  };
  const disdik = agencyByKey.get('DISDIKBUD');
  const dinkes = agencyByKey.get('DINKES');
  const distan = agencyByKey.get('DISTAN');
  for (const district of b.districts) {
    // Schools: SD negeri in every village (more in the peri-urban b.districts), SMP negeri per ~3 b.villages.
    if (disdik) {
      let sd = 0;
      let smp = 0;
      for (const v of district.villages) {
        const count = district.number === 1 ? unitRng.int(2, 4) : unitRng.int(1, 2);
        for (let k = 0; k < count; k++) {
          const students = unitRng.int(90, 420);
          const school = addUnit(
            disdik,
            'SCHOOL',
            `SD Negeri ${++sd} ${district.name}`,
            v,
            disdik.id,
            students,
            students / 220,
          );
          if (unitRng.chance(0.18)) {
            pendingChildren.push(() =>
              addUnit(disdik, 'SCHOOL_COMMITTEE', `Komite ${school.name}`, v, school.id, unitRng.int(5, 12), 1),
            );
          }
        }
      }
      const smpCount = Math.max(2, Math.ceil(district.villages.length / 3));
      for (let k = 0; k < smpCount; k++) {
        const v = unitRng.pick(district.villages);
        const students = unitRng.int(180, 720);
        const school = addUnit(
          disdik,
          'SCHOOL',
          `SMP Negeri ${++smp} ${district.name}`,
          v,
          disdik.id,
          students,
          students / 220,
        );
        if (unitRng.chance(0.25)) {
          pendingChildren.push(() =>
            addUnit(disdik, 'SCHOOL_COMMITTEE', `Komite ${school.name}`, v, school.id, unitRng.int(5, 12), 1),
          );
        }
      }
    }
    // Puskesmas (two per district, three in Sungai Raya), each with a puskesmas pembantu.
    if (dinkes) {
      const count = district.number === 1 ? 3 : 2;
      const chosen = unitRng.shuffle([...district.villages]).slice(0, count * 2);
      for (let k = 0; k < count; k++) {
        const v = chosen[k] as number;
        const pkm = addUnit(
          dinkes,
          'PUSKESMAS',
          `Puskesmas ${(b.villages[v] as Village).name}`,
          v,
          dinkes.id,
          unitRng.int(18, 60),
          1,
        );
        const pustuVillage = chosen[count + k];
        if (pustuVillage !== undefined) {
          pendingChildren.push(() =>
            addUnit(
              dinkes,
              'PUSTU',
              `Puskesmas Pembantu ${(b.villages[pustuVillage] as Village).name}`,
              pustuVillage,
              pkm.id,
              unitRng.int(3, 8),
              1,
            ),
          );
        }
      }
    }
    if (distan) {
      addUnit(
        distan,
        'UPT',
        `UPT Balai Penyuluhan Pertanian Kecamatan ${district.name}`,
        district.villages[0] as number,
        distan.id,
        unitRng.int(6, 20),
        1,
      );
    }
    // Village governments under their kecamatan office; BUMDes under about half of them.
    const kecamatan = agencies.find((a) => a.spec.district === district.number);
    if (kecamatan) {
      for (const v of district.villages) {
        const name = (b.villages[v] as Village).name;
        const village = addUnit(
          kecamatan,
          'VILLAGE',
          `Pemerintah Desa ${name}`,
          v,
          kecamatan.id,
          unitRng.int(1500, 9000),
          1,
        );
        if (unitRng.chance(0.55)) {
          const bumdes = `BUMDes ${fillPattern(unitRng, '{adj}', name)} Desa ${name}`;
          pendingChildren.push(() => addUnit(kecamatan, 'BUMDES', bumdes, v, village.id, unitRng.int(3, 12), 1));
        }
      }
    }
  }
  for (const [key, list] of Object.entries(FIXED_UNITS)) {
    const agency = agencyByKey.get(key);
    if (!agency) continue;
    for (const [name, kind] of list) {
      const members = kind === 'ASN_ASSOCIATION' ? unitRng.int(1500, 7000) : unitRng.int(8, 30);
      addUnit(agency, kind, name, agency.village, agency.id, members, 1);
    }
  }
  for (const addChild of pendingChildren) addChild();

  return units;
}
