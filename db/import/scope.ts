import type { Transaction } from 'kysely';
import type { Database } from '../src/database.ts';
import type { Reason } from '../src/rules/failure.ts';
import { findAgencyNetwork, findAgencyPrograms, findRegisteredEnterprises } from './scope.queries.ts';

/*
 * What an operator's import may write (docs/imports.md, "Access"), as the API allows an operator
 * (docs/data-entry.md, "Who may write"): the purchases of its agency and its network, network
 * units under them, new enterprises, cooperatives and vendors (its new enterprises are registered
 * by its agency), the enterprises its agency registered with their products and monthly figures,
 * its agency's programs and the help they gave. Not: another agency's rows, agencies themselves,
 * policy or collection targets. A stored party it may not change is kept as it is (a warning),
 * so the rows that name it still import; every other row outside the scope is rejected, with why.
 */

export const OUTSIDE_SCOPE = {
  buyer: {
    id: 'operator hanya mengimpor pembelian perangkat daerahnya sendiri dan jaringannya',
    en: 'an operator imports only the purchases of its own agency and its network',
  },
  purchase: {
    id: 'ref ini pembelian perangkat daerah lain: operator tidak boleh mengubahnya',
    en: 'this ref is a purchase of another agency: an operator may not change it',
  },
  agency: { id: 'hanya administrator yang mengimpor perangkat daerah', en: 'only an administrator imports agencies' },
  party: {
    id: 'operator hanya mengubah jaringan perangkat daerahnya sendiri dan usaha yang didaftarkan perangkat daerahnya',
    en: "an operator changes only its own agency's network and the enterprises its agency registered",
  },
  parent: {
    id: 'unit jaringan harus berada di bawah perangkat daerah operator sendiri atau salah satu unitnya',
    en: "a network unit must belong to the operator's own agency or one of its units",
  },
  program: {
    id: 'operator hanya mengimpor program perangkat daerahnya sendiri',
    en: "an operator imports only its own agency's programs",
  },
  seller: {
    id: 'operator hanya mengimpor produk dari usaha yang didaftarkan perangkat daerahnya (atau yang dibuat paket ini)',
    en: 'an operator imports products only of the enterprises its agency registered (or this bundle creates)',
  },
  enterprise: {
    id: 'operator hanya mengimpor angka bulanan dari usaha yang didaftarkan perangkat daerahnya (atau yang dibuat paket ini)',
    en: 'an operator imports monthly figures only of the enterprises its agency registered (or this bundle creates)',
  },
  assistance: {
    id: 'operator hanya mengimpor pendampingan yang diberikan melalui program perangkat daerahnya sendiri',
    en: "an operator imports only help given under its own agency's programs",
  },
  targets: {
    id: 'hanya administrator yang menetapkan target kebijakan dan target pendataan',
    en: 'only an administrator sets policy and collection targets',
  },
} as const satisfies Record<string, Reason>;

export class ImportScope {
  private constructor(
    readonly agencyId: number,
    /** The agency and its network units: the buyers whose purchases the operator records. */
    private readonly buyers: Set<number>,
    /** The buyers and the enterprises the agency registered: the parties the operator may change. */
    private readonly owned: Set<number>,
    private readonly programs: Set<number>,
  ) {}

  static async load(trx: Transaction<Database>, tenantId: string, agencyId: number): Promise<ImportScope> {
    const network = await findAgencyNetwork(trx, tenantId, agencyId);
    const registered = await findRegisteredEnterprises(trx, tenantId, agencyId);
    const programs = await findAgencyPrograms(trx, tenantId, agencyId);
    return new ImportScope(agencyId, new Set(network), new Set([...network, ...registered]), new Set(programs));
  }

  isBuyer(partyId: number): boolean {
    return this.buyers.has(partyId);
  }

  buyerIds(): number[] {
    return [...this.buyers];
  }

  owns(partyId: number): boolean {
    return this.owned.has(partyId);
  }

  ownsProgram(programId: number): boolean {
    return this.programs.has(programId);
  }

  /** A network unit this import stored under the agency's network. */
  addUnit(partyId: number): void {
    this.buyers.add(partyId);
    this.owned.add(partyId);
  }

  /** An enterprise this import created (registered by the agency) or changed. */
  addEnterprise(partyId: number): void {
    this.owned.add(partyId);
  }

  addProgram(programId: number): void {
    this.programs.add(programId);
  }
}
