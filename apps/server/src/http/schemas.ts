/**
 * Schemas shared by every route. Route plugins reference the problem document by `$ref` so the
 * OpenAPI document shows one Problem component, and list their failures with `problemResponses`.
 */
export const PROBLEM_SCHEMA_ID = 'Problem';

const localizedText = {
  type: 'object',
  required: ['zh-CN', 'en'],
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
} as const;

export const problemSchema = {
  $id: PROBLEM_SCHEMA_ID,
  type: 'object',
  description: 'RFC 9457 problem document; title and detail follow Accept-Language, errors carry both languages.',
  required: ['type', 'title', 'status', 'code', 'detail', 'errors', 'requestId'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'stable machine code of the first error' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'path', 'message'],
        properties: { code: { type: 'string' }, path: { type: 'string' }, message: localizedText },
      },
    },
    requestId: { type: 'string' },
  },
} as const;

const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The request is malformed or fails its schema',
  401: 'Not signed in',
  403: 'The signed-in user may not do this',
  404: 'Not found',
  409: 'Conflicts with the current state (stale revision, duplicate)',
  413: 'The body is larger than the limit',
  415: 'The content type is not accepted',
  422: 'Well-formed but rejected by the domain rules',
  429: 'Too many requests',
  503: 'Not ready yet (migrating) or shutting down',
};

/** Response schemas for the listed failure statuses, e.g. `problemResponses(400, 401, 404)`. */
export function problemResponses(...statuses: number[]): Record<number, object> {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: PROBLEM_DESCRIPTIONS[status] ?? 'Failure', $ref: `${PROBLEM_SCHEMA_ID}#` }]),
  );
}

/** `{ "zh-CN": …, en: … }`, for route schemas that return localized labels. */
export const localizedTextSchema = localizedText;
