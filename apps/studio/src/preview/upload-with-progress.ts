/**
 * A file sent to the attachments API as multipart, reporting upload progress (fetch cannot, so
 * XMLHttpRequest); the server's problem document on failure.
 */
import { ApiError, problemOf } from '../api/client.js';

export interface UploadedAttachment {
  readonly id: string;
  readonly filename: string;
  readonly mime: string;
}

export function uploadAttachment(file: File, fields: Readonly<Record<string, string>>, onProgress: (fraction: number) => void): Promise<UploadedAttachment> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/attachments');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total); };
    xhr.onload = () => {
      // the same reading of the answer as the JSON client, through a Response
      const response = new Response(xhr.responseText, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } });
      if (xhr.status >= 200 && xhr.status < 300) response.json().then((x) => resolve(x as UploadedAttachment), reject);
      else problemOf(response).then((p) => reject(new ApiError(xhr.status, p)), reject);
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(body);
  });
}
