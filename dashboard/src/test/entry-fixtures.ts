import type {
  GetImportJobProgressQuery,
  GetImportJobReportQuery,
  GetLikelyDuplicatesQuery,
  GetViewerQuery,
  ListAgenciesQuery,
  ListDraftsQuery,
} from '../graphql/generated/graphql.ts';

/*
 * Answers for the component tests of the Pendataan and upload pages (data, like fixtures.ts).
 */

export const OWN_AGENCY = 'QWdlbmN5OjE1';

/** Diskopukmdag among the agencies, with the operator's code. */
export const agenciesWithOwn: ListAgenciesQuery = {
  agencies: {
    totalCount: 2,
    edges: [
      { node: { id: 'QWdlbmN5OjE', code: '1.01.01', name: 'Dinas Pendidikan', shortName: 'Disdik' } },
      { node: { id: OWN_AGENCY, code: '3.27.01', name: 'Dinas Koperasi dan UKM', shortName: 'Diskopukmdag' } },
    ],
  },
};

const user = (role: 'ADMIN' | 'OPERATOR', agencyCode: string | null) => ({
  id: 'VXNlcjox',
  username: role === 'ADMIN' ? 'admin' : 'operator',
  displayName: null,
  role,
  agencyCode,
});
export const viewerAdmin: GetViewerQuery = { me: { role: 'ADMIN', user: user('ADMIN', null) } };
export const viewerDiskop: GetViewerQuery = { me: { role: 'OPERATOR', user: user('OPERATOR', '3.27.01') } };

const village = (name: string) => ({ code: '61.12.01.2003', name });

/** Three drafts on the first page of 5. */
export const drafts: ListDraftsQuery = {
  enterprises: {
    totalCount: 5,
    pageInfo: { hasNextPage: true, endCursor: 'Y3Vyc29yOjM' },
    nodes: [
      {
        id: 'RW50ZXJwcmlzZTo5Mw',
        name: 'Keripik Pisang Ibu Sari',
        nib: null,
        registeredOn: '2025-06-02',
        region: village('Kuala Dua'),
      },
      {
        id: 'RW50ZXJwcmlzZTo5Mg',
        name: 'Tenun Ikat Bu Mar',
        nib: '9120000099991',
        registeredOn: '2025-05-20',
        region: village('Kuala Dua'),
      },
      { id: 'RW50ZXJwcmlzZTo5MQ', name: 'Bengkel Las Jaya', nib: null, registeredOn: null, region: null },
    ],
  },
};
export const draftsEmpty: ListDraftsQuery = {
  enterprises: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
};

const side = (id: string, name: string, verification: 'DRAFT' | 'VERIFIED', nib: string | null) => ({
  id,
  name,
  nib,
  verification,
  registeredOn: '2024-03-01',
  region: village('Kuala Dua'),
});

/** Two pairs of 2 in all: the first with a verified later record, the second with two drafts. */
export const duplicates: GetLikelyDuplicatesQuery = {
  likelyDuplicates: {
    totalCount: 2,
    pairs: [
      {
        similarity: 1,
        earlier: side('RW50ZXJwcmlzZToxMg', 'Hortikultura Pancaroba', 'DRAFT', null),
        later: side('RW50ZXJwcmlzZToxMw', 'Hortikultura Pancaroba', 'VERIFIED', '9120000000013'),
      },
      {
        similarity: 21 / 26,
        earlier: side('RW50ZXJwcmlzZToyMA', 'Keripik Pisang Bu Sari', 'DRAFT', null),
        later: side('RW50ZXJwcmlzZToyMQ', 'Keripik Pisang Ibu Sari', 'DRAFT', null),
      },
    ],
  },
};
export const duplicatesEmpty: GetLikelyDuplicatesQuery = { likelyDuplicates: { totalCount: 0, pairs: [] } };

export const progressRunning: GetImportJobProgressQuery = {
  importJob: {
    id: '7',
    status: 'CHECKING',
    errorCode: null,
    errorText: null,
    progress: { stage: 'transactions.csv', done: 120, total: 240 },
  },
};
export const progressStatus = (
  status: 'CHECKED' | 'COMMITTING' | 'COMMITTED' | 'FAILED',
): GetImportJobProgressQuery => ({
  importJob: { id: '7', status, errorCode: null, errorText: null, progress: null },
});

/** 30 rejected rows of transactions.csv, lines 2-31: "amount: not whole rupiah", in both languages. */
const rejections = Array.from({ length: 30 }, (_, k) => ({
  file: 'transactions.csv',
  line: k + 2,
  column: 'amount',
  reasonText: {
    id: `amount harus rupiah bulat (angka saja); tertulis "1.500.${k}"`,
    en: `amount must be whole rupiah (digits only); got "1.500.${k}"`,
  },
  code: 'BAD_USER_INPUT',
}));

/**
 * A dry run of a bundle: parties.csv 4 rows (3 new, 1 unchanged), transactions.csv 240 rows (200
 * new, 10 changed, 30 rejected): 214 accepted, 30 rejected, of 244 rows.
 */
export const reportChecked: GetImportJobReportQuery = {
  importJob: {
    id: '7',
    status: 'CHECKED',
    fileName: 'bundel.zip',
    sizeBytes: 20480,
    allOrNothing: false,
    errorCode: null,
    errorText: null,
    report: {
      committed: false,
      dryRun: true,
      allOrNothing: false,
      rejectedTotal: 30,
      files: [
        { file: 'parties.csv', rows: 4, inserted: 3, updated: 0, unchanged: 1, rejected: 0 },
        { file: 'transactions.csv', rows: 240, inserted: 200, updated: 10, unchanged: 0, rejected: 30 },
      ],
      rejected: rejections,
      warnings: [
        {
          file: 'parties.csv',
          line: null,
          column: 'catatan',
          messageText: { id: 'kolom catatan tidak dikenal: diabaikan', en: 'unknown column catatan: ignored' },
        },
      ],
    },
  },
};

export const reportCommitted: GetImportJobReportQuery = {
  importJob: {
    ...reportChecked.importJob!,
    status: 'COMMITTED',
    report: { ...reportChecked.importJob!.report!, committed: true, dryRun: false },
  },
};

export const reportFailed: GetImportJobReportQuery = {
  importJob: {
    ...reportChecked.importJob!,
    status: 'FAILED',
    errorCode: 'ZIP_SLIP',
    errorText: { id: 'entri ../x.csv keluar dari foldernya', en: 'entry ../x.csv leaves the folder' },
    report: null,
  },
};
