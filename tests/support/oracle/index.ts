/*
 * The tests' one raw-table oracle: tables.ts reads a tenant's rows (the only reader), terms.ts reads
 * the SpendFilter and defines the sets and terms, and spend.ts, network.ts and outcomes.ts compute
 * every measure from the rows, naively and independently of the server.
 */
export * from './network.ts';
export * from './outcomes.ts';
export * from './spend.ts';
export * from './tables.ts';
export { isLocal, type RawSpendFilter, readFilter, type Scope } from './terms.ts';
