import { Field, Int, InterfaceType, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection.ts';
import {
  AgencyType,
  CoopType,
  PartyKind,
  PartyStatus,
  SizeBasis,
  SizeClass,
  UnitType,
  Verification,
} from '../../graphql/enums.ts';
import { Node } from '../../graphql/node.ts';
import { DateScalar, RupiahScalar } from '../../graphql/scalars.ts';
import type { RegionRow } from '../region/region.queries.ts';

/*
 * Every economic actor is a party (docs/data-model.md, "Parties"): a transaction is always an edge
 * buyer party → seller party. The kind-specific details come from the profile tables. Relations
 * (region, products, purchases…) are field resolvers in *.resolver.ts, batched by DataLoaders.
 */

@InterfaceType('Party', {
  implements: Node,
  description:
    'An economic actor: a government agency, a unit of its network, an enterprise (UMKM), a cooperative or an outside vendor. Every purchase is a transaction from a buyer party to a seller party.',
})
export abstract class Party extends Node {
  /** The database id (not exposed: clients use the opaque global `id`). */
  rowId!: number;

  /** For network units: the agency or unit this one belongs to. */
  parentId!: number | null;

  /** The region's row when it came with the party's (then `region` needs no statement of its own). */
  regionRow?: RegionRow | null;

  @Field(() => PartyKind, {
    description: 'What kind of actor this is; also tells which type it is (Agency, Enterprise…).',
  })
  kind!: PartyKind;

  @Field(() => String, { description: 'The name as registered, e.g. "Dinas Pendidikan", "Keripik Pisang Bu Sari".' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The code of the region (village or district, sometimes only the regency) where the party is located; null when unknown.',
  })
  regionCode!: string | null;

  @Field(() => Boolean, {
    description:
      "True when the party is located in this API's regency (its region is the regency or lies inside it). Spending with local UMKM and cooperatives is what the regent's regulation targets. Parties with an unknown region are not local.",
  })
  isLocal!: boolean;

  @Field(() => PartyStatus, { description: 'Whether the party is trading: ACTIVE, DORMANT (mati suri) or CLOSED.' })
  status!: PartyStatus;

  @Field(() => Boolean, {
    description:
      'True for government buyers: agencies and the government units of their networks (schools, health centres, village governments).',
  })
  isGovernment!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When the party entered the registry (data-collection progress counts by this date); null when not recorded.',
  })
  registeredOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The taxpayer number (NPWP) in its 16-digit form (a 15-digit NPWP is stored as 0 + the 15 digits; an individual's is the NIK, shown masked like ownerNik); null when not recorded. Vendors are identified by it. Searching parties by either form of a company NPWP finds it.",
  })
  npwp!: string | null;
}

@ObjectType('Agency', {
  implements: [Node, Party],
  simpleResolvers: true,
  description:
    "A regional government agency (SKPD / perangkat daerah): a dinas, badan, the secretariat, a kecamatan office, the regional hospital (RSUD)… Agencies buy goods and services from the budget; their network units (schools, health centres, village governments) buy too, and the regent's regulation steers both towards local UMKM.",
})
export class Agency extends Party {
  @Field(() => String, {
    description: 'The agency code in the regional government structure, e.g. "1.01.2.22.0.00.01.0000".',
  })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The short name or acronym, e.g. "Disdikbud", "Bappeda".' })
  shortName!: string | null;

  @Field(() => AgencyType, { description: 'The type of agency: DINAS, BADAN, SEKRETARIAT, KECAMATAN, RSUD…' })
  agencyType!: AgencyType;
}

@ObjectType('NetworkUnit', {
  implements: [Node, Party],
  simpleResolvers: true,
  description:
    "A unit in an agency's network (jejaring): a school under the education office, a health centre (Puskesmas) under the health office, a village government, a civil servants' association, a BUMDes. Network units buy on their own budgets; their purchases are how one agency's policy cascades (the domino effect).",
})
export class NetworkUnit extends Party {
  @Field(() => UnitType, {
    description:
      'The type of unit: SCHOOL, HEALTH_CENTER, VILLAGE_GOVERNMENT, TECHNICAL_UNIT, ASN_ASSOCIATION, BUMDES, OTHER.',
  })
  unitType!: UnitType;

  @Field(() => Int, {
    nullable: true,
    description: "Members or staff, where recorded (e.g. an association's members).",
  })
  members!: number | null;
}

@ObjectType('Enterprise', {
  implements: [Node, Party],
  simpleResolvers: true,
  description:
    "A business in the UMKM registry (usaha mikro, kecil dan menengah) or a large enterprise. Its size class follows PP 7/2021 from its business capital when known, else from its annual sales; unknown when neither is recorded (never guessed). The owner's name and NIK are personal data: the name is shown only to roles allowed to see personal data, and the NIK is masked.",
})
export class Enterprise extends Party {
  /** Personal data, exposed through the ownerName/ownerNik resolvers only (role-gated, masked). */
  ownerNameValue!: string | null;
  ownerNikValue!: string | null;
  /** The agency that registered the enterprise: its operators see the NIK in full. */
  registeringAgencyId!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The business identification number (NIB, 13 digits, from OSS); null when the business has none yet.',
  })
  nib!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The main line of business as a KBLI 2020 code (5 digits), e.g. "10794" (snacks).',
  })
  kbliCode!: string | null;

  @Field(() => SizeClass, {
    nullable: true,
    description: 'MICRO, SMALL, MEDIUM or LARGE under PP 7/2021; null when neither capital nor annual sales is known.',
  })
  sizeClass!: SizeClass | null;

  @Field(() => SizeBasis, {
    nullable: true,
    description: 'Which figure decided the size class: CAPITAL or REVENUE (annual sales).',
  })
  sizeBasis!: SizeBasis | null;

  @Field(() => Verification, { description: 'Where the registry entry stands: DRAFT, VERIFIED or REJECTED.' })
  verification!: Verification;

  @Field(() => String, {
    nullable: true,
    description: "The owner's gender as registered (F or M), for gender-disaggregated statistics.",
  })
  ownerGender!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the business was founded.' })
  foundedYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of workers, including the owner, as registered.' })
  employees!: number | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'Business capital (modal usaha, excluding land and buildings) in rupiah, as registered.',
  })
  capital!: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Annual sales (omzet) in rupiah, as registered.' })
  annualRevenue!: number | null;
}

@ObjectType('Cooperative', {
  implements: [Node, Party],
  simpleResolvers: true,
  description:
    'A cooperative (koperasi). Cooperatives count with UMKM for the local-UMKM share and the UMK share (Perpres 12/2021); local UMKM can be its members.',
})
export class Cooperative extends Party {
  @Field(() => String, {
    nullable: true,
    description: 'The legal registration number (nomor badan hukum), where known.',
  })
  registrationNo!: string | null;

  @Field(() => CoopType, {
    description: 'The type of cooperative: PRODUCER, CONSUMER, SAVINGS_LOAN, MARKETING, SERVICES, OTHER.',
  })
  coopType!: CoopType;

  @Field(() => Int, {
    nullable: true,
    description: 'The number of members as reported by the cooperative (members registered here: see `members`).',
  })
  membersCount!: number | null;

  @Field(() => Verification, { description: 'Where the registry entry stands: DRAFT, VERIFIED or REJECTED.' })
  verification!: Verification;

  @Field(() => SizeClass, { nullable: true, description: 'Size class under PP 7/2021 where known.' })
  sizeClass!: SizeClass | null;
}

@ObjectType('Vendor', {
  implements: [Node, Party],
  simpleResolvers: true,
  description:
    'A supplier that is neither in the UMKM registry nor a cooperative: typically a distributor or a company from outside the regency. Spending with outside vendors is what the local share is measured against.',
})
export class Vendor extends Party {
  @Field(() => SizeClass, {
    nullable: true,
    description: 'Size class under PP 7/2021 where known (needed for the UMK share).',
  })
  sizeClass!: SizeClass | null;
}

/** A masked NIK: the region prefix (4 digits: province and regency) and the last 2 digits. */
export function maskNik(nik: string | null): string | null {
  if (!nik) return null;
  if (nik.length <= 6) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}${'*'.repeat(nik.length - 6)}${nik.slice(-2)}`;
}

export const PartyConnection = connectionType('Party', () => Party, 'parties');
export const AgencyConnection = connectionType('Agency', () => Agency, 'agencies');
export const NetworkUnitConnection = connectionType('NetworkUnit', () => NetworkUnit, 'network units');
export const EnterpriseConnection = connectionType('Enterprise', () => Enterprise, 'enterprises');
export const CooperativeConnection = connectionType('Cooperative', () => Cooperative, 'cooperatives');
export const VendorConnection = connectionType('Vendor', () => Vendor, 'vendors');
