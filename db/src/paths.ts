import path from 'node:path';
import { fileURLToPath } from 'node:url';

// This module runs from db/src (the sources, under tsx or vitest) or from db/dist/src (the
// compiled production build, docs/operations.md "Production build"): files the code reads at run
// time are found from the package folder, which is the same in both cases.
const here = path.dirname(fileURLToPath(import.meta.url));
const parent = path.dirname(here);

/** The db package's folder (db/), whether running from its sources or from its build. */
export const DB_PACKAGE_DIR = path.basename(parent) === 'dist' ? path.dirname(parent) : parent;

/** The repository's root folder. */
export const REPOSITORY_ROOT = path.dirname(DB_PACKAGE_DIR);
