import type { RuleIssue } from '@jejaring/db/rules';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('LocalizedText', { description: 'A text in each language of the platform.' })
export class LocalizedText {
  @Field(() => String, { description: 'Bahasa Indonesia.' })
  id!: string;

  @Field(() => String, { description: 'English.' })
  en!: string;
}

@ObjectType('DataWarning', {
  description:
    'Something a write accepted but the user should look at: a size class that contradicts the capital or sales, a likely duplicate… (docs/data-entry.md lists the codes).',
})
export class DataWarning {
  @Field(() => String, { description: 'A stable code, e.g. SIZE_CLASS_CONTRADICTS or LIKELY_DUPLICATE.' })
  code!: string;

  @Field(() => String, { description: 'The input field it concerns, e.g. input.sizeClass.' })
  field!: string;

  @Field(() => String, { description: 'The warning in English.' })
  message!: string;

  @Field(() => LocalizedText, { description: 'The warning in Indonesian (id) and English (en).' })
  reason!: LocalizedText;
}

/** A rule's warning as the API returns it, its field under `prefix` (the input argument). */
export function toWarning(issue: RuleIssue, prefix = 'input'): DataWarning {
  return Object.assign(new DataWarning(), {
    code: issue.code,
    field: `${prefix}.${issue.field}`,
    message: issue.reason.en,
    reason: Object.assign(new LocalizedText(), issue.reason),
  });
}
