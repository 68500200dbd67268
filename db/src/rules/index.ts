/*
 * The one set of validation rules for data entry: the API's mutations, the importers and the
 * dashboard's forms all check with these functions, so a value is accepted or refused the same way
 * everywhere (docs/data-entry.md). Browser-safe: nothing here imports from Node.
 */
export { checkRupiah, decideSizeClass, parseRupiahText, type SizeDecision } from './amounts.ts';
export { checkDate, daysInMonth, isIsoDate } from './dates.ts';
export { checkEnterprise, type EnterpriseFields, type EnterpriseValues } from './enterprise.ts';
export { issue, type Reason, type RuleContext, type RuleIssue, type RuleResult, todayIn } from './failure.ts';
export {
  type Checked,
  checkKbli,
  checkKdSatker,
  checkNib,
  checkNik,
  checkNpwp,
  checkRegionCode,
  luhnCheckDigit,
  nikBirthDate,
  npwpSearchForm,
  stripSeparators,
} from './identifiers.ts';
export { checkTransaction, type TransactionFields } from './transaction.ts';

/** Where the regency keeps its calendar (Kubu Raya, West Kalimantan: WIB). */
export const DATA_ENTRY_TIME_ZONE = 'Asia/Jakarta';
