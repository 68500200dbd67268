import type { PartyStatus } from '../src/database.ts';
import { MONTHS, monthIndex, monthInfo, monthOfYear } from './calendar.ts';
import { SECTORS } from './catalog.ts';
import { hashFloat } from './random.ts';
import type { Enterprises } from './registry.ts';
import { RECOVERY_CURVES, REVENUE_SEASON } from './story.ts';

/*
 * Monthly survey snapshots (enterprise_snapshot) for the panel: revenue follows the firm's 2019
 * level × its sector's recovery curve × seasonality × its own trend × ±10 % noise; dormant firms
 * report almost nothing, closed ones zero. The noise is a stateless hash of (seed, firm, month), so
 * purchases (transactions.ts) can recompute the same revenue without storing it.
 */

function curveAt(points: ReadonlyArray<readonly [number, number]>, month: number): number {
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i] as readonly [number, number];
    if (month <= m1) {
      const [m0, v0] = points[i - 1] as readonly [number, number];
      return v0 + ((v1 - v0) * (month - m0)) / (m1 - m0);
    }
  }
  return (points[points.length - 1] as readonly [number, number])[1];
}

const CURVE_CACHE = new Map<string, Float64Array>();
function curve(group: keyof typeof RECOVERY_CURVES): Float64Array {
  let values = CURVE_CACHE.get(group);
  if (!values) {
    values = Float64Array.from({ length: MONTHS }, (_, m) => curveAt(RECOVERY_CURVES[group], m));
    CURVE_CACHE.set(group, values);
  }
  return values;
}

export function statusAt(E: Enterprises, e: number, month: number): PartyStatus {
  if (E.closedFrom[e]! <= month) return 'CLOSED';
  if (E.dormantFrom[e]! <= month && E.revivedFrom[e]! > month) return 'DORMANT';
  return 'ACTIVE';
}

/** Revenue of enterprise e in a month (whole thousands of rupiah), 0 before it was founded. */
export function monthlyRevenue(E: Enterprises, seed: number, e: number, month: number): number {
  if (E.foundedMonth[e]! > month) return 0;
  const status = statusAt(E, e, month);
  if (status === 'CLOSED') return 0;
  const base = E.baseRevenue[e]! / 12;
  const noise = 0.9 + 0.2 * hashFloat(seed, e, month);
  if (status === 'DORMANT') return Math.round((base * 0.06 * noise) / 1000) * 1000;
  const group = (SECTORS[E.sector[e]!] as (typeof SECTORS)[number]).recovery;
  const age = month - E.foundedMonth[e]!;
  const rampUp = E.foundedMonth[e]! > 0 && age < 6 ? 0.5 + age / 12 : 1;
  const value =
    base *
    curve(group)[month]! *
    REVENUE_SEASON[monthOfYear(month)]! *
    Math.exp(E.trend[e]! * (month / 12)) *
    noise *
    rampUp;
  return Math.round(value / 1000) * 1000;
}

/** Σ monthly revenue of enterprise e over a calendar year. */
export function annualRevenue(E: Enterprises, seed: number, e: number, year: number): number {
  const m0 = monthIndex(year, 0);
  let sum = 0;
  for (let m = m0; m < m0 + 12; m++) sum += monthlyRevenue(E, seed, e, m);
  return sum;
}

export type SnapshotRow = [number, string, number, number, PartyStatus];

/**
 * Snapshot rows of the panel, by month then enterprise, in chunks: the order a monthly survey
 * records them in, so that a period's snapshots lie together in the table (a year of them read
 * every page of it at scale 100 when they came by enterprise).
 */
export function* snapshotRows(E: Enterprises, seed: number, chunkSize: number): Generator<SnapshotRow[]> {
  let chunk: SnapshotRow[] = [];
  for (let m = 0; m < MONTHS; m++) {
    const { period } = monthInfo(m);
    for (let e = 0; e < E.count; e++) {
      if (!E.panel[e] || E.foundedMonth[e]! > m) continue;
      const employees = E.employees[e]!;
      const group = (SECTORS[E.sector[e]!] as (typeof SECTORS)[number]).recovery;
      const status = statusAt(E, e, m);
      const staff =
        status === 'CLOSED'
          ? 0
          : status === 'DORMANT'
            ? Math.round(employees * 0.3)
            : Math.max(1, Math.round(employees * Math.min(1, 0.45 + 0.55 * curve(group)[m]!)));
      chunk.push([E.firstId + e, period, monthlyRevenue(E, seed, e, m), staff, status]);
      if (chunk.length >= chunkSize) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length) yield chunk;
}

/** How many snapshot rows the panel yields (for progress reporting). */
export function countSnapshots(E: Enterprises): number {
  let n = 0;
  for (let e = 0; e < E.count; e++) if (E.panel[e]) n += MONTHS - Math.max(0, E.foundedMonth[e]!);
  return n;
}
