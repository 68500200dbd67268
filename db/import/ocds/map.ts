import type { Reason } from '../../src/rules/failure.ts';
import type { ImportWarning, RejectedRow } from '../report.ts';

/**
 * OCDS → CSV bundle rows. What maps:
 * - parties: from `parties` (OCDS 1.1) or, in 1.0-style files without it, from `buyer`,
 *   `tender.procuringEntity`, `awards[].suppliers` and the transactions' payer/payee. A party is
 *   known by its `id`, else its identifier (scheme-id), else its name (with a warning).
 *   Buyers (buyer, procuringEntity, payer) are stored as government parties outside the agency
 *   list (kind VENDOR, is_government true): OCDS gives no SIPD agency code, so no agency is made up.
 *   Suppliers are ENTERPRISE when `details.scale` says micro, small or medium (sme: size left
 *   empty), VENDOR with size LARGE when large, VENDOR without a size otherwise.
 * - transactions: `contracts[].implementation.transactions`, in IDR only (no conversion), source
 *   OCDS, ref `ocid/id`, category OTHER (OCDS item classifications are not mapped).
 * What does not map is a rejection or a warning naming the JSON path.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

export interface OcdsParty {
  ref: string;
  kind: 'ENTERPRISE' | 'VENDOR';
  name: string;
  is_government: boolean;
  size_class: string;
  at: string;
}

export interface OcdsTransaction {
  ref: string;
  buyer_ref: string;
  seller_ref: string;
  amount: string;
  occurred_on: string;
  at: string;
}

export interface OcdsRows {
  readonly parties: OcdsParty[];
  readonly transactions: OcdsTransaction[];
  readonly rejected: RejectedRow[];
  readonly warnings: ImportWarning[];
}

const BUYER_ROLES = ['buyer', 'procuringEntity', 'payer'];
const SCALES: Record<string, { kind: OcdsParty['kind']; size: string }> = {
  micro: { kind: 'ENTERPRISE', size: 'MICRO' },
  small: { kind: 'ENTERPRISE', size: 'SMALL' },
  medium: { kind: 'ENTERPRISE', size: 'MEDIUM' },
  sme: { kind: 'ENTERPRISE', size: '' },
  large: { kind: 'VENDOR', size: 'LARGE' },
};

function nameOf(party: Json): string | null {
  const identifier = isObject(party.identifier) ? party.identifier : {};
  return (
    text(party.name) ??
    text(party.name_id) ??
    text(party.name_en) ??
    text(identifier.legalName) ??
    text(identifier.legalName_en)
  );
}

/** The key a party is known by in the file: its id, its identifier, or (last) its name. */
function keyOf(party: Json): { key: string; byName: boolean } | null {
  const id = text(party.id) ?? (typeof party.id === 'number' ? String(party.id) : null);
  if (id) return { key: id, byName: false };
  const identifier = isObject(party.identifier) ? party.identifier : null;
  const scheme = identifier ? text(identifier.scheme) : null;
  const idValue = identifier
    ? (text(identifier.id) ?? (typeof identifier.id === 'number' ? String(identifier.id) : null))
    : null;
  if (scheme && idValue) return { key: `${scheme}-${idValue}`, byName: false };
  const name = nameOf(party);
  return name ? { key: `name:${name.toLowerCase()}`, byName: true } : null;
}

export function mapReleases(file: string, releases: ReadonlyArray<{ release: Json; at: string }>): OcdsRows {
  const rows: OcdsRows = { parties: [], transactions: [], rejected: [], warnings: [] };
  const byRef = new Map<string, OcdsParty>();
  const reject = (at: string, column: string, reason: Reason) =>
    rows.rejected.push({ file, line: 1, column: `${at}.${column}`, reason, code: 'BAD_USER_INPUT' });
  const warnOnce = new Set<string>();
  const warn = (message: Reason, column: string | null = null) => {
    if (warnOnce.has(message.en)) return;
    warnOnce.add(message.en);
    rows.warnings.push({ file, column, message });
  };

  /** Registers a party seen at `at` with `roles`; returns its ref, or null (reported). */
  const party = (value: Json, at: string, roles: readonly string[]): string | null => {
    const key = keyOf(value);
    if (!key) {
      reject(at, 'id', {
        id: 'pihak tanpa id, identifier maupun name tidak dapat dikenali',
        en: 'a party with neither id, identifier nor name cannot be identified',
      });
      return null;
    }
    const ref = `OCDS:${key.key}`.slice(0, 100);
    const known = byRef.get(ref);
    const government = roles.some((r) => BUYER_ROLES.includes(r));
    if (known) {
      if (government) known.is_government = true;
      return ref;
    }
    if (key.byName)
      warn({
        id: `${at}: ${nameOf(value)} tidak mempunyai id maupun identifier: dikenali dari namanya`,
        en: `${at}: ${nameOf(value)} has no id or identifier: known by its name`,
      });
    const name = nameOf(value) ?? key.key;
    const details = isObject(value.details) ? value.details : {};
    const scale = text(details.scale)?.toLowerCase();
    const mapped = scale ? SCALES[scale] : undefined;
    if (scale && !mapped)
      warn({
        id: `details.scale "${scale}" bukan skala OCDS (micro, small, medium, sme, large): diabaikan`,
        en: `details.scale "${scale}" is not an OCDS scale (micro, small, medium, sme, large): ignored`,
      });
    if (!government && !scale)
      warn({
        id: 'penyedia tanpa details.scale disimpan sebagai vendor dengan skala tidak diketahui',
        en: 'suppliers without details.scale are stored as vendors of unknown size',
      });
    if (government) {
      warn({
        id: 'pembeli disimpan sebagai pihak pemerintah di luar daftar perangkat daerah: OCDS tidak memberi kode perangkat daerah SIPD; tautkan ke perangkat daerah secara manual',
        en: 'buyers are stored as government parties outside the agency list: OCDS gives no SIPD agency code; link them to agencies by hand',
      });
    }
    const row: OcdsParty = {
      ref,
      kind: government ? 'VENDOR' : (mapped?.kind ?? 'VENDOR'),
      name,
      is_government: government,
      size_class: government ? '' : (mapped?.size ?? ''),
      at,
    };
    byRef.set(ref, row);
    rows.parties.push(row);
    return ref;
  };

  for (const { release, at } of releases) {
    const listed = list(release.parties);
    const refById = new Map<string, string>();
    listed.forEach((p, i) => {
      const ref = party(p, `${at}.parties[${i}]`, Array.isArray(p.roles) ? (p.roles as string[]) : []);
      const id = text(p.id);
      if (ref && id) refById.set(id, ref);
    });
    /** A reference to a party (id + name), resolved through `parties`, else taken as a party itself. */
    const refTo = (value: unknown, where: string, roles: readonly string[]): string | null => {
      if (!isObject(value)) return null;
      const id = text(value.id);
      if (id && refById.has(id)) return refById.get(id) as string;
      return party(value, where, roles);
    };
    if (listed.length === 0) {
      refTo(release.buyer, `${at}.buyer`, ['buyer']);
      const tender = isObject(release.tender) ? release.tender : {};
      refTo(tender.procuringEntity, `${at}.tender.procuringEntity`, ['procuringEntity']);
      list(release.awards).forEach((award, a) => {
        list(award.suppliers).forEach((s, i) => {
          refTo(s, `${at}.awards[${a}].suppliers[${i}]`, ['supplier']);
        });
      });
    }
    const ocid = text(release.ocid) as string;
    list(release.contracts).forEach((contract, c) => {
      const implementation = isObject(contract.implementation) ? contract.implementation : {};
      const done = list(implementation.transactions);
      if (done.length === 0) {
        warn({
          id: 'kontrak tanpa implementation.transactions belum merupakan belanja: hanya pihak-pihaknya yang diimpor',
          en: 'contracts without implementation.transactions are not spending yet: only their parties are imported',
        });
      }
      done.forEach((tx, t) => {
        const where = `${at}.contracts[${c}].implementation.transactions[${t}]`;
        const id = text(tx.id) ?? (typeof tx.id === 'number' ? String(tx.id) : null);
        // OCDS 1.0 names them providerOrganization / receiverOrganization and amount.
        const payer = refTo(tx.payer ?? tx.providerOrganization, `${where}.payer`, ['payer']);
        const payee = refTo(tx.payee ?? tx.receiverOrganization, `${where}.payee`, ['payee']);
        const value = isObject(tx.value) ? tx.value : isObject(tx.amount) ? tx.amount : {};
        const currency = text(value.currency);
        const amount = value.amount;
        const date = text(tx.date);
        const before = rows.rejected.length;
        if (!id)
          reject(where, 'id', {
            id: 'transaksi harus mempunyai id (impor ulang dicocokkan dengannya)',
            en: 'a transaction needs an id (its re-imports are matched on it)',
          });
        if (!payer)
          reject(where, 'payer', {
            id: 'tanpa payer: pihak pembeli tidak disebutkan',
            en: 'no payer: the buying party is not given',
          });
        if (!payee)
          reject(where, 'payee', {
            id: 'tanpa payee: pihak penjual tidak disebutkan',
            en: 'no payee: the selling party is not given',
          });
        if (currency !== 'IDR') {
          reject(where, 'value.currency', {
            id: `mata uang ${currency ?? 'tidak ada'}: hanya jumlah dalam rupiah (IDR) yang diimpor, tanpa konversi`,
            en: `currency ${currency ?? 'missing'}: only rupiah (IDR) amounts are imported, without conversion`,
          });
        } else if (typeof amount !== 'number' || !(amount > 0)) {
          reject(where, 'value.amount', {
            id: 'jumlahnya harus bilangan positif',
            en: 'the amount must be a positive number',
          });
        }
        if (!date || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(date))
          reject(where, 'date', {
            id: 'tanggal tidak ada atau bukan ISO 8601',
            en: 'the date is missing or not ISO 8601',
          });
        const ok = rows.rejected.length === before;
        if (!ok || !id || !payer || !payee || !date || typeof amount !== 'number') return;
        const whole = Math.round(amount);
        if (whole !== amount)
          warn(
            {
              id: `${where}: ${amount} dibulatkan menjadi rupiah bulat ${whole}`,
              en: `${where}: ${amount} rounded to whole rupiah ${whole}`,
            },
            'value.amount',
          );
        rows.transactions.push({
          ref: `${ocid}/${id}`.slice(0, 100),
          buyer_ref: payer,
          seller_ref: payee,
          amount: String(whole),
          occurred_on: date.slice(0, 10),
          at: where,
        });
      });
    });
  }
  if (rows.transactions.length > 0)
    warn({
      id: 'klasifikasi barang OCDS tidak dipetakan ke kategori produk: transaksi diberi kategori OTHER',
      en: 'OCDS item classifications are not mapped to product categories: transactions get category OTHER',
    });
  return rows;
}
