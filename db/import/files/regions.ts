import type { RegionTable } from '../../src/database.ts';
import { readRegions } from '../../src/reference.ts';

let byCode: Map<string, RegionTable> | undefined;

/** The shipped regions by code (the same rows migrate loads into the region table). */
export function regionsByCode(): ReadonlyMap<string, RegionTable> {
  byCode ??= new Map(readRegions().map((r) => [r.code, r]));
  return byCode;
}

export function regionCodes(): { has(code: string): boolean } {
  return regionsByCode();
}
