/*
 * Sending a file to the API's upload endpoint (POST /imports, docs/imports.md "Upload and jobs"):
 * the file is the request body, streamed by the browser, with upload progress. XMLHttpRequest and
 * not fetch: fetch reports no upload progress. Signed in by the session cookie; the content type
 * application/octet-stream is what the endpoint requires of a cookie-signed upload (no HTML form
 * can send it, so no other site can make this request).
 */

/** What POST /imports answers with (201): the new job, status UPLOADED. */
export interface UploadedJob {
  id: string;
  status: string;
  fileName: string;
  format: string;
  sizeBytes: number;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

/** The formats the endpoint takes, by extension. */
export const UPLOAD_ACCEPT = '.zip,.xlsx,.csv,.json';
/** An operator's: LKPP and OCDS JSON write agencies and the work-unit mapping, an administrator's (403). */
export const OPERATOR_ACCEPT = '.zip,.xlsx,.csv';

/** Uploads `file`; `onProgress(loaded, total)` as bytes go out. Rejects with an UploadError. */
export function uploadFile(
  file: File,
  onProgress: (loaded: number, total: number) => void,
  url = '/imports',
): Promise<UploadedJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${url}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy's page, say
      }
      if (xhr.status === 201 && body && typeof body === 'object' && 'id' in body) {
        onProgress(file.size, file.size);
        resolve(body as UploadedJob);
        return;
      }
      const error = (body as { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | null)
        ?.errors?.[0];
      reject(new UploadError(error?.message ?? `HTTP ${xhr.status}`, xhr.status, error?.extensions?.code ?? null));
    };
    xhr.onerror = () => reject(new UploadError('network error', 0, null));
    xhr.onabort = () => reject(new UploadError('aborted', 0, null));
    xhr.send(file);
  });
}
