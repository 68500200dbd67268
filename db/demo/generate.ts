import { createHash } from 'node:crypto';
import type { Verification } from '../src/database.ts';
import { type Budget, buildBudget } from './budget.ts';
import { DAYS, MONTHS } from './calendar.ts';
import { CATEGORIES, MEAN_OVER_MEDIAN, MEDIAN_AMOUNT } from './catalog.ts';
import { type Life, planLives } from './life.ts';
import { SIZE_CODES, VERIFICATION_CODES, type World } from './registry.ts';
import { countSnapshots, snapshotRows, statusAt } from './snapshots.ts';
import { NETWORK_AMOUNT_FACTOR, PERPRES, panelShare, REGULATION, REGULATION_TARGETS } from './story.ts';
import { columnLiterals, DEMO_TABLES, type DemoTable, type Row } from './tables.ts';
import { transactionRows } from './transactions.ts';
import { buildWorld } from './world.ts';

/*
 * The pure generator: generateDemo(seed, scale) yields the demo's rows table by table in a
 * canonical order (DEMO_TABLES; within a table by id), in chunks, without touching a database.
 * Everything but the transactions (and the snapshots, which are recomputed) is planned in memory
 * first (planDemo); transactions are generated month by month and streamed, so scale 100 never
 * holds more than a month of them. demoChecksum() hashes the stream: the same seed gives the same
 * checksum on every machine. See story.ts for the story and the knobs.
 */

export interface DemoChunk {
  readonly table: DemoTable;
  readonly rows: readonly Row[];
}

export interface DemoPlan {
  readonly seed: number;
  readonly scale: number;
  readonly fraction: number;
  readonly world: World;
  readonly budget: Budget;
  readonly life: Life;
  /** Rows per table: exact except `transaction`, which is an estimate (for progress). */
  readonly counts: Readonly<Record<DemoTable, number>>;
}

export interface GenerateOptions {
  /** Rows per yielded chunk (the last chunk of a table may be smaller). */
  readonly chunkSize?: number;
  /** A plan from planDemo(seed, scale), to avoid planning twice. */
  readonly plan?: DemoPlan;
  /**
   * Test-only: shrinks the registry and the money by this factor (default 1), so determinism can
   * be checked in a fraction of the time. Not exposed by the CLI.
   */
  readonly fraction?: number;
}

export function validateDemoOptions(seed: number, scale: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647) {
    throw new RangeError(`seed must be a whole number between 0 and 2147483647, got ${seed}`);
  }
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
    throw new RangeError(`scale must be a whole number between 1 and 1000, got ${scale}`);
  }
}

function estimateTransactions(world: World, budget: Budget): number {
  let gov = 0;
  for (const plan of budget.agencies) {
    for (const year of plan.years) {
      CATEGORIES.forEach((c, i) => {
        const mean = MEDIAN_AMOUNT[c] * MEAN_OVER_MEDIAN;
        gov += year.direct.spend[i]! / mean;
        gov += year.network.spend[i]! / (mean * NETWORK_AMOUNT_FACTOR);
      });
    }
  }
  let panelMonths = 0;
  const E = world.enterprises;
  for (let e = 0; e < E.count; e++) if (E.panel[e]) panelMonths += MONTHS - Math.max(0, E.foundedMonth[e]!);
  // Measured at scales 1 and 10 (±6 %): payments to UMKM outside the panel trigger ~0.4 re-spending
  // rows each; a panel firm records ~0.2 purchases a month.
  const respending = 1 + 0.4 * (1 - panelShare(world.scale));
  return Math.round(gov * 1.1 * respending + panelMonths * 0.205);
}

/** Builds the registry, money plans and lives for a seed and scale (about a second at scale 1). */
export function planDemo(seed: number, scale: number, options: { fraction?: number } = {}): DemoPlan {
  validateDemoOptions(seed, scale);
  const fraction = options.fraction ?? 1;
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must be in (0, 1], got ${fraction}`);
  const world = buildWorld(seed, scale, fraction);
  const budget = buildBudget(world);
  const life = planLives(world, budget);
  const E = world.enterprises;
  const outsideEnterprises = world.others.filter((o) => o.profile).length;
  const policyTargets =
    Object.keys(REGULATION_TARGETS).length * 2 +
    world.agencies.reduce((n, a) => n + (a.spec.ownTarget ? 2026 - a.spec.ownTarget.from : 0), 0);
  const counts: Record<DemoTable, number> = {
    party: world.partyCount,
    agency_profile: world.agencies.length,
    network_unit_profile: world.units.length,
    enterprise_profile: E.count + outsideEnterprises,
    cooperative_profile: world.cooperatives.length,
    cooperative_membership: world.cooperatives.reduce((n, c) => n + c.members.length, 0),
    product: world.products.size,
    program: budget.programs.length,
    policy_target: policyTargets,
    collection_target: world.collectionTargets.length,
    assistance: life.assistance.length,
    enterprise_snapshot: countSnapshots(E),
    transaction: estimateTransactions(world, budget),
  };
  return { seed, scale, fraction, world, budget, life, counts };
}

function* chunked(table: DemoTable, rows: Iterable<Row>, size: number): Generator<DemoChunk> {
  let chunk: Row[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield { table, rows: chunk };
      chunk = [];
    }
  }
  if (chunk.length) yield { table, rows: chunk };
}

const FIRST_DAY = DAYS[0] as string;
const dayText = (day: number) => DAYS[Math.max(0, Math.min(DAYS.length - 1, day))] as string;
const finite = (value: number) => (Number.isNaN(value) ? null : value);

function* partyRows(plan: DemoPlan): Generator<Row> {
  const { world } = plan;
  const E = world.enterprises;
  const code = (village: number) => world.villages[village]!.code;
  for (const a of world.agencies)
    yield [a.id, a.ref, 'AGENCY', a.spec.name, code(a.village), null, null, true, 'ACTIVE', FIRST_DAY];
  for (const u of world.units) {
    yield [
      u.id,
      u.ref,
      'NETWORK_UNIT',
      u.name,
      code(u.village),
      u.parentId,
      null,
      u.spec.isGovernment,
      'ACTIVE',
      FIRST_DAY,
    ];
  }
  for (let e = 0; e < E.count; e++) {
    const ref = `${E.isUmkm(e) ? 'UMKM' : 'BIZ'}-${String(e + 1).padStart(6, '0')}`;
    yield [
      E.firstId + e,
      ref,
      'ENTERPRISE',
      E.name[e] as string,
      code(E.village[e]!),
      null,
      SIZE_CODES[E.size[e]!] ?? null,
      false,
      statusAt(E, e, MONTHS - 1),
      dayText(E.registeredDay[e]!),
    ];
  }
  for (const c of world.cooperatives) {
    yield [
      c.id,
      c.ref,
      'COOPERATIVE',
      c.name,
      code(c.village),
      null,
      c.sizeClass,
      false,
      c.status,
      dayText(c.registeredDay),
    ];
  }
  for (const o of world.others) {
    yield [o.id, o.ref, o.kind, o.name, o.regionCode, null, o.sizeClass, false, 'ACTIVE', dayText(o.registeredDay)];
  }
}

function* enterpriseProfileRows(plan: DemoPlan): Generator<Row> {
  const E = plan.world.enterprises;
  for (let e = 0; e < E.count; e++) {
    const capital = finite(E.capital[e]!);
    const revenue = finite(E.declaredRevenue[e]!);
    const basis = capital !== null ? 'CAPITAL' : revenue !== null ? 'REVENUE' : null;
    yield [
      E.firstId + e,
      E.nib[e] ?? null,
      E.kbli[e] as string,
      E.ownerName[e] as string,
      E.ownerNik[e] as string,
      E.ownerGender[e] as string,
      E.foundedYear[e]!,
      E.employees[e]!,
      capital,
      revenue,
      basis,
      VERIFICATION_CODES[E.verification[e]!] as Verification,
    ];
  }
  for (const o of plan.world.others) {
    const p = o.profile;
    if (!p) continue;
    yield [
      o.id,
      p.nib,
      p.kbli,
      p.ownerName,
      p.ownerNik,
      p.ownerGender,
      p.foundedYear,
      p.employees,
      p.capital,
      p.revenue,
      p.basis,
      'VERIFIED',
    ];
  }
}

function* policyTargetRows(plan: DemoPlan): Generator<Row> {
  let id = 1;
  for (const [year, share] of Object.entries(REGULATION_TARGETS)) {
    yield [
      id++,
      `TARGET-PERBUP-${year}`,
      REGULATION.name,
      REGULATION.legalBasis,
      'LOCAL_UMKM_SHARE',
      share,
      Number(year),
      null,
    ];
  }
  for (const year of Object.keys(REGULATION_TARGETS).map(Number)) {
    if (year < PERPRES.from) continue;
    yield [id++, `TARGET-PERPRES-${year}`, PERPRES.name, PERPRES.legalBasis, 'UMK_SHARE', PERPRES.share, year, null];
  }
  for (const a of plan.world.agencies) {
    const own = a.spec.ownTarget;
    if (!own) continue;
    for (let year = own.from; year <= 2025; year++) {
      yield [
        id++,
        `TARGET-${a.spec.key}-${year}`,
        `Target belanja UMKM lokal ${a.spec.shortName}`,
        `Keputusan Kepala ${a.spec.name} tentang target belanja produk UMKM lokal (contoh)`,
        'LOCAL_UMKM_SHARE',
        own.share,
        year,
        a.id,
      ];
    }
  }
}

/**
 * The demo dataset as a stream of row chunks, table by table in DEMO_TABLES order.
 *
 * @example
 * for (const { table, rows } of generateDemo(1, 1)) console.log(table, rows.length);
 */
export function* generateDemo(seed: number, scale: number, options: GenerateOptions = {}): Generator<DemoChunk> {
  const size = options.chunkSize ?? CHUNK_ROWS;
  const plan = options.plan ?? planDemo(seed, scale, { fraction: options.fraction });
  if (plan.seed !== seed || plan.scale !== scale || plan.fraction !== (options.fraction ?? plan.fraction)) {
    throw new Error('the plan was made for another seed, scale or fraction');
  }
  const { world, budget, life } = plan;
  const E = world.enterprises;

  yield* chunked('party', partyRows(plan), size);
  yield* chunked(
    'agency_profile',
    world.agencies.map((a) => [a.id, a.spec.code, a.spec.shortName, a.spec.type]),
    size,
  );
  yield* chunked(
    'network_unit_profile',
    world.units.map((u) => [u.id, u.spec.unitType, u.members]),
    size,
  );
  yield* chunked('enterprise_profile', enterpriseProfileRows(plan), size);
  yield* chunked(
    'cooperative_profile',
    world.cooperatives.map((c) => [c.id, c.registrationNo, c.type, c.membersCount, c.verification]),
    size,
  );
  yield* chunked(
    'cooperative_membership',
    world.cooperatives.flatMap((c) =>
      c.members.map((m, k) => [c.id, E.firstId + m, dayText(c.joinedDays[k] as number)]),
    ),
    size,
  );
  const p = world.products;
  yield* chunked(
    'product',
    p.seller.map((seller, i) => [
      i + 1,
      `PRD-${String(i + 1).padStart(7, '0')}`,
      seller,
      p.name[i] as string,
      CATEGORIES[p.category[i] as number] as string,
      p.unit[i] as string,
      p.price[i] as number,
      p.kbli[i] ?? null,
    ]),
    size,
  );
  yield* chunked(
    'program',
    budget.programs.map((g) => [g.id, g.ref, world.agencies[g.agency]!.id, g.code, g.name, g.year, g.budget, g.target]),
    size,
  );
  yield* chunked('policy_target', policyTargetRows(plan), size);
  yield* chunked(
    'collection_target',
    world.collectionTargets.map((t) => [world.districts[t.district]!.code, t.year, t.enterprises, t.cooperatives]),
    size,
  );
  yield* chunked(
    'assistance',
    life.assistance.map((a, i) => [
      i + 1,
      `AST-${String(i + 1).padStart(7, '0')}`,
      a.programId,
      E.firstId + a.enterprise,
      a.kind,
      dayText(a.day),
    ]),
    size,
  );
  for (const rows of snapshotRows(E, seed, size)) yield { table: 'enterprise_snapshot', rows };
  let pending: Row[] = [];
  for (const rows of transactionRows(world, budget, life)) {
    for (const row of rows) pending.push(row);
    while (pending.length >= size) {
      yield { table: 'transaction', rows: pending.slice(0, size) };
      pending = pending.slice(size);
    }
  }
  if (pending.length) yield { table: 'transaction', rows: pending };
}

/** Rows per chunk: the loader's statement size, and the unit the checksum is defined over. */
export const CHUNK_ROWS = 50_000;

/** Feeds one chunk, as its column literals, into a running sha256 (the canonical form of the rows). */
export function hashLiterals(hash: ReturnType<typeof createHash>, table: DemoTable, literals: readonly string[]): void {
  hash.update(`${table}\n`);
  for (const literal of literals) {
    hash.update(literal);
    hash.update('\n');
  }
}

/**
 * The demo's checksum and its row counts per table, computed without a database: sha256 over every
 * row in canonical order (tables in DEMO_TABLES order, rows by id, as the PostgreSQL array literals
 * of CHUNK_ROWS-row chunks that the loader inserts).
 */
export function demoChecksum(
  seed: number,
  scale: number,
  options: { fraction?: number } = {},
): { checksum: string; counts: Record<DemoTable, number> } {
  const hash = createHash('sha256');
  const counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
  for (const chunk of generateDemo(seed, scale, { chunkSize: CHUNK_ROWS, fraction: options.fraction })) {
    hashLiterals(hash, chunk.table, columnLiterals(chunk.table, chunk.rows));
    counts[chunk.table] += chunk.rows.length;
  }
  return { checksum: hash.digest('hex'), counts };
}
