import {
  COOP_TYPE_LABELS,
  FUNDING_SOURCE_LABELS,
  GENDER_LABELS,
  type Label,
  PARTY_KIND_LABELS,
  PARTY_STATUS_LABELS,
  PRODUCT_CATEGORY_LABELS,
  PUBLIC_ROLE_LABEL,
  ROLE_LABELS,
  SATKER_MAPPING_SOURCE_LABELS,
  SIZE_CLASS_LABELS,
  UNIT_TYPE_LABELS,
  VERIFICATION_LABELS,
} from '@jejaring/db/enums';

type Language = keyof Label;

/** `{ 'cat.SNACKS': 'Penganan', … }` from a label table of db/src/enums.ts, keeping the keys' types. */
function prefixed<P extends string, T extends Record<string, Label>>(
  prefix: P,
  table: T,
  language: Language,
): { [K in keyof T & string as `${P}.${K}`]: string } {
  return Object.fromEntries(Object.entries(table).map(([value, label]) => [`${prefix}.${value}`, label[language]])) as {
    [K in keyof T & string as `${P}.${K}`]: string;
  };
}

/**
 * The labels of the domain's enumerations in one language, under the prefixes `i.label` uses. The
 * values and their words are defined once, in db/src/enums.ts; the dictionaries spread these in.
 */
export function enumLabels(language: Language) {
  return {
    ...prefixed('cat', PRODUCT_CATEGORY_LABELS, language),
    ...prefixed('unit', UNIT_TYPE_LABELS, language),
    ...prefixed('size', SIZE_CLASS_LABELS, language),
    ...prefixed('pstatus', PARTY_STATUS_LABELS, language),
    ...prefixed('verif', VERIFICATION_LABELS, language),
    ...prefixed('coop', COOP_TYPE_LABELS, language),
    ...prefixed('gender', GENDER_LABELS, language),
    ...prefixed('kind', PARTY_KIND_LABELS, language),
    ...prefixed('fund', FUNDING_SOURCE_LABELS, language),
    ...prefixed('satkerSource', SATKER_MAPPING_SOURCE_LABELS, language),
    ...prefixed('role', { ...ROLE_LABELS, PUBLIC: PUBLIC_ROLE_LABEL }, language),
  };
}
