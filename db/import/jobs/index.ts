export { formatOf, ImportSourceError, importFromPath, readImportSource, type SourceFormat } from '../sources/index.ts';
export { withoutPersonalData } from '../sources/redact.ts';
export { writeExport } from '../sources/write.ts';
export {
  failInterruptedImportJobs,
  findImportJob,
  type ImportJobRow,
  insertImportJob,
} from './job.queries.ts';
export { cancelRunningImportJobs, type JobProgress, runImportJob, runningJob } from './runner.ts';
