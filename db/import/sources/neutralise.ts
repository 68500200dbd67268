/**
 * Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return,
 * which some spreadsheets skip before looking for one) can run as a formula when the export is
 * opened in Excel or LibreOffice. Exports write such a value with a leading apostrophe, which a
 * spreadsheet shows as text; imports drop that apostrophe again, so an export imports back to the
 * same value (`'=SUM(A1)` is read as `=SUM(A1)`). A value that starts with an apostrophe followed
 * by anything else is kept as written.
 */
const TRIGGER = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return TRIGGER.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
