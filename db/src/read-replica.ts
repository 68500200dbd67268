import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import { isConnectionFailure } from './connection-errors.ts';
import type { Database } from './database.ts';
import { createPgPool, redact } from './pg-pool.ts';
import type { PreparedStatements } from './prepared-statements.ts';
import { primaryWalPosition, standbyState } from './replica.sql.ts';
import { guardedPool, type RequestGuard } from './request-guard.ts';

/*
 * A streaming read replica (DATABASE_READ_URL, docs/scale-out.md): a second pool, and one pool in
 * front of both that sends a statement to the replica only when the work running now asks for it
 * (the server's read routing: GraphQL queries, see server/src/http/read-routing.ts) and the
 * replica is up. Everything else (writes, sign-in, audit, imports, migrations) goes to the primary.
 *
 * When the replica cannot be reached, or a connection to it dies under a statement, the statement
 * runs on the primary instead: in a transaction, the transaction's earlier statements are replayed
 * there first (they are all reads: a standby refuses writes). The outage is reported once
 * (onDown); while it lasts reads go to the primary without trying the replica, which is probed at
 * most once a second, and its recovery is reported (onUp).
 */

/** Where the statements of the work running now go. */
export type ReadTarget = 'primary' | 'replica';

export interface ReplicaEvents {
  /** The replica stopped answering: reported once per outage; reads go to the primary. */
  readonly onDown?: (error: Error) => void;
  /** The replica answers again after `downMs`: reads go back to it. */
  readonly onUp?: (downMs: number) => void;
}

/** What /readyz says of the replica. */
export interface ReplicaCheck {
  /** `streaming`: a standby that answers; `not a standby`: it answers but is not in recovery. */
  readonly status: 'streaming' | 'not a standby' | 'unreachable';
  /** How far it has replayed the WAL (null when unknown). */
  readonly replayLsn: string | null;
  /** Bytes of WAL the primary has written that the replica has not replayed yet (null when unknown). */
  readonly lagBytes: number | null;
}

export interface ReadReplica {
  /** The replica's URL without its password. */
  readonly location: string;
  /** False from a connection failure until a probe reaches the replica again. */
  readonly up: boolean;
  /** Tells the pool where the work running now reads (the server's request scope); unset: the primary. */
  routeBy(target: () => ReadTarget | undefined): void;
  /** The primary's WAL position now: call it after a write commits (read-your-writes). */
  primaryPosition(): Promise<string>;
  /**
   * Whether the replica has replayed the WAL up to `lsn`. Its replay position is read at most
   * every 100 ms and shared by the callers in between. False while the replica is down and when it
   * is not a standby (nothing says how far it is).
   */
  hasReplayed(lsn: string): Promise<boolean>;
  /** Asks the replica (and the primary) now, within `timeoutMs`; never throws. */
  check(timeoutMs: number): Promise<ReplicaCheck>;
}

/** How long a replay position read from the replica is used before it is read again. */
const REPLAY_CACHE_MS = 100;
/** During an outage, how often a read may probe the replica. */
const PROBE_INTERVAL_MS = 1_000;

/**
 * A WAL position as a number: `hi/lo` in hexadecimal is hi · 2^32 + lo.
 *
 * @example
 * lsnValue('1/0') === 4294967296n; lsnValue('0/16B3748') === 23803720n
 */
export function lsnValue(lsn: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** Up or down, with the outage reported once and its end reported with its length. */
class Health {
  up = true;
  private downSince = 0;
  private lastProbe = 0;

  constructor(
    private readonly events: ReplicaEvents,
    private readonly probe: () => Promise<unknown>,
  ) {}

  failed(error: Error): void {
    if (!this.up) return;
    this.up = false;
    this.downSince = performance.now();
    this.lastProbe = this.downSince;
    this.events.onDown?.(error);
  }

  recovered(): void {
    if (this.up) return;
    this.up = true;
    this.events.onUp?.(Math.round(performance.now() - this.downSince));
  }

  /** May a read go to the replica now? During an outage, starts a probe at most once a second. */
  usable(): boolean {
    if (this.up) return true;
    const now = performance.now();
    if (now - this.lastProbe >= PROBE_INTERVAL_MS) {
      this.lastProbe = now;
      void this.probe().catch(() => {}); // a failed probe keeps the outage going
    }
    return false;
  }
}

const TRANSACTION_START = /^\s*(begin|start\s+transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback|end|abort)\s*;?\s*$/i;

/**
 * A replica connection that moves to the primary when the replica fails under it: the statement
 * that failed, after the open transaction's earlier statements, runs on a primary connection.
 */
function replicaClient(client: PostgresPoolClient, primary: PostgresPool, health: Health): PostgresPoolClient {
  let current: PostgresPoolClient | null = client;
  let onReplica = true;
  /** The statements of the open transaction, from its BEGIN (null outside a transaction). */
  let transaction: Array<[string, ReadonlyArray<unknown>]> | null = null;

  const moveToPrimary = async () => {
    const replay = transaction ?? [];
    current?.release(true);
    current = null;
    onReplica = false;
    const next = await primary.connect();
    current = next;
    for (const [text, parameters] of replay) await next.query(text, parameters);
  };

  const query = async <R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
    if (!current) throw new Error('Client was closed and is not queryable');
    if (!onReplica) return current.query<R>(text, parameters);
    try {
      const result = await current.query<R>(text, parameters);
      if (TRANSACTION_START.test(text)) transaction = [[text, parameters]];
      else if (TRANSACTION_END.test(text)) transaction = null;
      else transaction?.push([text, parameters]);
      return result;
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      health.failed(error as Error);
      await moveToPrimary();
      return (current as PostgresPoolClient).query<R>(text, parameters);
    }
  };

  return {
    query: query as PostgresPoolClient['query'],
    release(destroy?: boolean) {
      current?.release(destroy);
      current = null;
    },
  };
}

/**
 * The replica of a primary whose (guarded) pool is `primary`: its own pool of `size` connections,
 * and the routed pool to build the server's Kysely on.
 */
export function openReadReplica(
  url: string,
  primary: PostgresPool,
  options: { readonly size: number; readonly prepared: PreparedStatements; readonly events?: ReplicaEvents },
): { readonly replica: ReadReplica; readonly pool: PostgresPool; guard(options: RequestGuard | null): void } {
  let target: () => ReadTarget | undefined = () => undefined;
  let health: Health;
  const raw = createPgPool(url, options.size, (error) => health.failed(error));
  const guarded = guardedPool(raw, url, options.prepared);
  const replicaDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guarded.pool }) });
  const primaryDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: primary }) });

  let replay: { at: number; lsn: bigint | null } | null = null;
  let reading: Promise<bigint | null> | null = null;
  /** Reads the replica's state; a connection failure starts an outage, an answer ends one. */
  const readState = async () => {
    try {
      const state = await standbyState(replicaDb);
      health.recovered();
      replay = { at: performance.now(), lsn: state.replayLsn ? lsnValue(state.replayLsn) : null };
      return state;
    } catch (error) {
      if (isConnectionFailure(error)) health.failed(error as Error);
      throw error;
    }
  };
  health = new Health(options.events ?? {}, readState);

  const replayPosition = (): Promise<bigint | null> => {
    if (replay && performance.now() - replay.at < REPLAY_CACHE_MS) return Promise.resolve(replay.lsn);
    reading ??= readState()
      .then(() => replay?.lsn ?? null)
      .catch(() => null)
      .finally(() => {
        reading = null;
      });
    return reading;
  };

  const pool: PostgresPool = {
    async connect() {
      if (target() !== 'replica' || !health.usable()) return primary.connect();
      let client: PostgresPoolClient;
      try {
        client = await guarded.pool.connect();
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        health.failed(error as Error);
        return primary.connect();
      }
      return replicaClient(client, primary, health);
    },
    async end() {
      await Promise.all([guarded.pool.end(), primary.end()]);
    },
  };

  const replica: ReadReplica = {
    location: redact(url),
    get up() {
      return health.up;
    },
    routeBy(route) {
      target = route;
    },
    primaryPosition: () => primaryWalPosition(primaryDb),
    async hasReplayed(lsn) {
      if (!health.up) return false;
      const position = await replayPosition();
      return position !== null && position >= lsnValue(lsn);
    },
    async check(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      });
      const [state, position] = await Promise.all([
        Promise.race([readState().catch(() => null), timeout]),
        Promise.race([primaryWalPosition(primaryDb).catch(() => null), timeout]),
      ]).finally(() => clearTimeout(timer));
      if (!state) return { status: 'unreachable', replayLsn: null, lagBytes: null };
      const lag = state.replayLsn && position ? Number(lsnValue(position) - lsnValue(state.replayLsn)) : null;
      return {
        status: state.inRecovery ? 'streaming' : 'not a standby',
        replayLsn: state.replayLsn,
        lagBytes: lag === null ? null : Math.max(0, lag),
      };
    },
  };
  return { replica, pool, guard: guarded.guard };
}
