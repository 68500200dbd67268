import { Field, InputType, Int } from 'type-graphql';
import { PartyStatus, SizeClass } from '../../graphql/enums.ts';
import { DateScalar, RupiahScalar } from '../../graphql/scalars.ts';

/*
 * What data entry sends for an enterprise. registerEnterprise takes every field given; on
 * updateEnterprise a field left out keeps its stored value and null clears it (so a form that may
 * not see the owner's NIK never wipes it).
 */
@InputType('EnterpriseInput', {
  description:
    'An enterprise as entered. Checked by the shared rules (docs/data-entry.md); identifiers may be typed with spaces, dots or dashes.',
})
export class EnterpriseInput {
  @Field(() => String, { description: 'The business name as registered.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The region where it is located, ideally its village (61.12.01.2001); must exist.',
  })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'NIB: 13 digits; another enterprise with it is a CONFLICT.' })
  nib?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'NPWP: 15 digits (check digit 9th) or the 16-digit form; stored in 16 digits; another party with it is a CONFLICT.',
  })
  npwp?: string | null;

  @Field(() => String, { nullable: true, description: 'KBLI 2020 code, 5 digits of an existing division.' })
  kbliCode?: string | null;

  @Field(() => String, { nullable: true, description: "The owner's name (personal data)." })
  ownerName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The owner's NIK, 16 digits (personal data); its region prefix and birth date are checked.",
  })
  ownerNik?: string | null;

  @Field(() => String, { nullable: true, description: 'F or M; must agree with the NIK; taken from it when omitted.' })
  ownerGender?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the business was founded (1900 to this year).' })
  foundedYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Workers, including the owner.' })
  employees?: number | null;

  @Field(() => RupiahScalar, {
    nullable: true,
    description: 'Business capital excluding land and buildings (modal usaha), whole rupiah.',
  })
  capital?: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Annual sales (omzet), whole rupiah.' })
  annualRevenue?: number | null;

  @Field(() => SizeClass, {
    nullable: true,
    description:
      'The size class, if known without figures. With capital or sales the class is derived (PP 7/2021); a given class that contradicts them is a warning.',
  })
  sizeClass?: SizeClass | null;

  @Field(() => PartyStatus, { nullable: true, description: 'ACTIVE (the default), DORMANT or CLOSED.' })
  status?: PartyStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it entered the registry; not in the future.' })
  registeredOn?: string | null;
}
