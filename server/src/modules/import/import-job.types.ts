import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalizedText } from '../../graphql/data-issue.ts';
import { ImportJobStatus } from '../../graphql/enums.ts';

@ObjectType('ImportProgress', { description: 'How far a running step is.' })
export class ImportProgress {
  @Field(() => String, { description: 'The file being stored (parties.csv, transactions.csv…), or "reading".' })
  stage!: string;

  @Field(() => Int, { description: 'Rows of that file done.' })
  done!: number;

  @Field(() => Int, { description: 'Rows of that file in all.' })
  total!: number;
}

@ObjectType('ImportFileCount', { description: 'What a step did (or, for a dry run, would do) with one file.' })
export class ImportFileCount {
  @Field(() => String) file!: string;
  @Field(() => Int, { description: 'Data rows in the file.' }) rows!: number;
  @Field(() => Int) inserted!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int, { description: 'Rows already stored exactly so (a re-import).' }) unchanged!: number;
  @Field(() => Int) rejected!: number;
}

@ObjectType('ImportRejection', { description: 'A row that was not imported, and why.' })
export class ImportRejection {
  @Field(() => String) file!: string;

  @Field(() => Int, { description: 'The line where the row starts (header = 1); a sheet row for a workbook.' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'The column at fault; null when the whole row is.' })
  column!: string | null;

  @Field(() => String, { description: 'Why, in Indonesian then English: "id / en".' })
  reason!: string;

  @Field(() => LocalizedText, { description: 'Why, in Indonesian (id) and English (en), for a UI that shows one.' })
  reasonText!: LocalizedText;

  @Field(() => String, { description: 'CONFLICT when the row clashes with stored data, else BAD_USER_INPUT.' })
  code!: string;
}

@ObjectType('ImportWarning', { description: 'Something ignored without losing data: an unknown column or file.' })
export class ImportWarning {
  @Field(() => String) file!: string;
  @Field(() => Int, { nullable: true, description: 'The row it is about; null for the whole file.' })
  line!: number | null;
  @Field(() => String, { nullable: true }) column!: string | null;
  @Field(() => String, { description: 'What was ignored, in Indonesian then English: "id / en".' })
  message!: string;
  @Field(() => LocalizedText, { description: 'What was ignored, in Indonesian (id) and English (en).' })
  messageText!: LocalizedText;
}

@ObjectType('ImportReport', { description: 'The outcome of a dry run or a commit.' })
export class ImportReport {
  @Field(() => Boolean, { description: 'True when the accepted rows are stored.' }) committed!: boolean;
  @Field(() => Boolean) dryRun!: boolean;
  @Field(() => Boolean) allOrNothing!: boolean;
  @Field(() => [ImportFileCount]) files!: ImportFileCount[];
  @Field(() => Int, { description: 'Rejections in all (the list holds the first 5,000).' }) rejectedTotal!: number;
  @Field(() => [ImportRejection]) rejected!: ImportRejection[];
  @Field(() => [ImportWarning]) warnings!: ImportWarning[];
}

@ObjectType('ImportJob', {
  description:
    'An uploaded file (CSV bundle as a zip or a file, or an XLSX workbook) on its way in: POST it to /imports, check it with startImport (a dry run), read the report, then commitImport.',
})
export class ImportJob {
  @Field(() => ID) id!: string;
  @Field(() => ImportJobStatus) status!: ImportJobStatus;
  @Field(() => String, { description: 'The name the file was uploaded with.' }) fileName!: string;
  @Field(() => String, { description: 'zip, xlsx or csv.' }) format!: string;
  @Field(() => Int, { description: 'Size of the upload in bytes.' }) sizeBytes!: number;
  @Field(() => Boolean, { description: 'Store nothing when any row is rejected.' }) allOrNothing!: boolean;
  @Field(() => ImportProgress, { nullable: true, description: 'While CHECKING or COMMITTING: how far it is.' })
  progress!: ImportProgress | null;
  @Field(() => ImportReport, { nullable: true, description: 'The report of the last dry run or commit.' })
  report!: ImportReport | null;
  @Field(() => String, {
    nullable: true,
    description:
      'When FAILED: ZIP_SLIP, NOT_A_ZIP, NOT_A_WORKBOOK, FILE_TOO_LARGE, UNKNOWN_FORMAT, NOT_FOUND, BAD_BUNDLE, ROLLED_BACK (all-or-nothing with rejections), INTERRUPTED (the server stopped), INTERNAL.',
  })
  errorCode!: string | null;
  @Field(() => String, { nullable: true, description: 'When FAILED or CANCELLED: why, as "Indonesian / English".' })
  errorMessage!: string | null;
  @Field(() => LocalizedText, {
    nullable: true,
    description: 'When FAILED or CANCELLED: why, in Indonesian (id) and English (en), for a UI that shows one.',
  })
  errorText!: LocalizedText | null;
  @Field(() => String, { description: 'When it was uploaded (ISO 8601).' }) createdAt!: string;
  @Field(() => String, { description: 'When its status last changed (ISO 8601).' }) updatedAt!: string;
}
