/** Sending a file to the server as multipart "file" (the API client speaks JSON only). */
import { ApiError, problemOf } from '../api/client.js';

export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(`/api${path}`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' }, body });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return await response.json() as T;
}
