import i18next from 'i18next';
import { toApiError } from './problem.js';

/** What the attachments API answers for an upload. */
export interface UploadedFile {
  readonly id: string;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
}

/**
 * Uploads one file to /api/attachments. XMLHttpRequest rather than fetch: only it reports upload
 * progress, which a phone on a slow network needs to see. `onProgress` gets 0…1.
 */
export function uploadFile(file: File, fields: { app: string; field: string }, onProgress: (share: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('app', fields.app);
    form.append('field', fields.field);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/attachments');
    xhr.setRequestHeader('accept-language', i18next.language);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = xhr.responseText === '' ? null : JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) {
        onProgress(1);
        resolve(body as UploadedFile);
      } else reject(toApiError(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(toApiError(0, null)));
    xhr.send(form);
  });
}
