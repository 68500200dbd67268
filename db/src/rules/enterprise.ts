import { GENDERS, type Gender, type SizeBasis, type SizeClass } from '../enums.ts';
import { checkRupiah, decideSizeClass } from './amounts.ts';
import { checkDate } from './dates.ts';
import { issue, type RuleContext, type RuleIssue, type RuleResult } from './failure.ts';
import {
  type Checked,
  checkKbli,
  checkNib,
  checkNik,
  checkNpwp,
  checkRegionCode,
  nikBirthDate,
} from './identifiers.ts';

/** An enterprise as entered (API input or form); optional fields may be null or absent. */
export interface EnterpriseFields {
  readonly name: string;
  readonly regionCode?: string | null;
  readonly nib?: string | null;
  readonly npwp?: string | null;
  readonly kbliCode?: string | null;
  readonly ownerName?: string | null;
  readonly ownerNik?: string | null;
  /** F or M. */
  readonly ownerGender?: string | null;
  readonly foundedYear?: number | null;
  readonly employees?: number | null;
  readonly capital?: number | null;
  readonly annualRevenue?: number | null;
  readonly sizeClass?: SizeClass | null;
  readonly registeredOn?: string | null;
}

/** The same, normalised (identifiers without separators, NPWP in its 16-digit form) and sized. */
export interface EnterpriseValues extends EnterpriseFields {
  readonly ownerGender: Gender | null;
  readonly sizeClass: SizeClass | null;
  readonly sizeBasis: SizeBasis | null;
}

const blank = (value: string | null | undefined): value is null | undefined => !value || value.trim() === '';

/**
 * Checks an enterprise with every rule and collects all failures at once (a user fixes a form in
 * one pass). The value is meaningful only when there are no failures.
 */
export function checkEnterprise(input: EnterpriseFields, ctx: RuleContext): RuleResult<EnterpriseValues> {
  const failures: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const take = (checked: Checked): string | null => {
    if (checked.failure) failures.push(checked.failure);
    return checked.value;
  };
  const name = input.name.trim();
  if (name === '') failures.push(issue('REQUIRED', 'name', 'nama usaha wajib diisi', 'the name is required'));
  else if (name.length > 200) {
    failures.push(
      issue('TOO_LONG', 'name', 'nama usaha paling panjang 200 karakter', 'the name is at most 200 characters'),
    );
  }
  const regionCode = blank(input.regionCode) ? null : take(checkRegionCode(input.regionCode, 'regionCode', ctx));
  const nib = blank(input.nib) ? null : take(checkNib(input.nib));
  const npwp = blank(input.npwp) ? null : take(checkNpwp(input.npwp, 'npwp', ctx));
  const kbliCode = blank(input.kbliCode) ? null : take(checkKbli(input.kbliCode));
  const ownerNik = blank(input.ownerNik) ? null : take(checkNik(input.ownerNik, 'ownerNik', ctx));
  let ownerGender: Gender | null = null;
  if (!blank(input.ownerGender)) {
    if ((GENDERS as readonly string[]).includes(input.ownerGender)) ownerGender = input.ownerGender as Gender;
    else {
      failures.push(
        issue(
          'GENDER_FORMAT',
          'ownerGender',
          'jenis kelamin: F (perempuan) atau M (laki-laki)',
          'gender: F (female) or M (male)',
        ),
      );
    }
  }
  if (ownerNik && ownerGender) {
    const encoded = nikBirthDate(ownerNik, ctx.today)?.gender;
    if (encoded && encoded !== ownerGender) {
      failures.push(
        issue(
          'GENDER_NIK',
          'ownerGender',
          'jenis kelamin tidak sesuai dengan NIK (tanggal lahir di atas 40 menandakan perempuan)',
          'the gender disagrees with the NIK (a birth day above 40 marks a woman)',
        ),
      );
    }
  }
  const amount = (value: number | null | undefined, field: string): number | null => {
    if (value === null || value === undefined) return null;
    const failure = checkRupiah(value, field, { positive: false });
    if (failure) failures.push(failure);
    return failure ? null : value;
  };
  const capital = amount(input.capital, 'capital');
  const annualRevenue = amount(input.annualRevenue, 'annualRevenue');
  const count = (value: number | null | undefined, field: string, min: number, max: number) => {
    if (value === null || value === undefined) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      failures.push(
        issue('OUT_OF_RANGE', field, `harus bilangan bulat ${min}-${max}`, `must be a whole number ${min}-${max}`),
      );
    }
  };
  count(input.employees, 'employees', 0, 1_000_000);
  count(input.foundedYear, 'foundedYear', 1900, Number(ctx.today.slice(0, 4)));
  if (!blank(input.registeredOn)) {
    const failure = checkDate(input.registeredOn, 'registeredOn', ctx.today);
    if (failure) failures.push(failure);
  }
  const size = decideSizeClass(input.sizeClass, capital, annualRevenue);
  if (size.warning) warnings.push(size.warning);
  return {
    value: {
      ...input,
      name,
      regionCode,
      nib,
      npwp,
      kbliCode,
      ownerNik,
      ownerGender: ownerGender ?? (ownerNik ? (nikBirthDate(ownerNik, ctx.today)?.gender ?? null) : null),
      capital,
      annualRevenue,
      sizeClass: size.sizeClass,
      sizeBasis: size.basis,
      registeredOn: blank(input.registeredOn) ? null : input.registeredOn.trim(),
    },
    failures,
    warnings,
  };
}
