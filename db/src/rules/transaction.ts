import { checkRupiah } from './amounts.ts';
import { checkDate } from './dates.ts';
import { issue, type RuleContext, type RuleIssue } from './failure.ts';

/** A purchase as entered; ids are whatever the caller uses (the API's resolved row ids). */
export interface TransactionFields {
  readonly buyerId: number | string;
  readonly sellerId: number | string;
  readonly amount: number;
  readonly occurredOn: string;
  readonly accountCode?: string | null;
  readonly quantity?: number | null;
}

const ACCOUNT_CODE = /^[0-9]+(\.[0-9]+)*$/;

/**
 * Checks a purchase: a positive whole-rupiah amount, a real date not in the future and, when the
 * purchase is recorded under a program, inside its fiscal year; buyer and seller differ; an
 * account code of the regional chart of accounts (digits separated by dots).
 */
export function checkTransaction(
  input: TransactionFields,
  ctx: RuleContext & { readonly programFiscalYear?: number | null },
): RuleIssue[] {
  const failures: RuleIssue[] = [];
  const amount = checkRupiah(input.amount, 'amount', { positive: true });
  if (amount) failures.push(amount);
  const date = checkDate(input.occurredOn, 'occurredOn', ctx.today, ctx.programFiscalYear);
  if (date) failures.push(date);
  if (String(input.buyerId) === String(input.sellerId)) {
    failures.push(
      issue('SAME_PARTY', 'sellerId', 'pembeli dan penjual harus berbeda', 'the buyer and the seller must differ'),
    );
  }
  if (input.accountCode && !ACCOUNT_CODE.test(input.accountCode.trim())) {
    failures.push(
      issue(
        'ACCOUNT_CODE_FORMAT',
        'accountCode',
        'kode rekening berupa angka dipisah titik, mis. 5.1.02.01.01.0024',
        'an account code is digits separated by dots, e.g. 5.1.02.01.01.0024',
      ),
    );
  }
  if (input.quantity !== null && input.quantity !== undefined && !(input.quantity > 0 && input.quantity < 1e12)) {
    failures.push(
      issue('QUANTITY_RANGE', 'quantity', 'jumlah barang harus lebih dari 0', 'the quantity must be more than 0'),
    );
  }
  return failures;
}
