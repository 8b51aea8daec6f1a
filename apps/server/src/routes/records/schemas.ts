/** JSON Schemas of the record routes (the OpenAPI document is generated from them). */
export const TAG = 'records';

export const entityParams = {
  type: 'object',
  required: ['app', 'entity'],
  properties: { app: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' }, entity: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } },
} as const;

export const recordParams = {
  type: 'object',
  required: ['app', 'entity', 'id'],
  properties: { ...entityParams.properties, id: { type: 'string', format: 'uuid' } },
} as const;

const openObject = { type: 'object', additionalProperties: true } as const;

export const recordSchema = {
  type: 'object',
  required: ['id', 'entity', 'definitionVersion', 'revision', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'data'],
  properties: {
    id: { type: 'string' },
    entity: { type: 'string' },
    definitionVersion: { type: 'integer' },
    owner: { type: ['string', 'null'] },
    partnerOrg: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    createdBy: { type: 'string' },
    updatedAt: { type: 'string' },
    updatedBy: { type: 'string' },
    revision: { type: 'integer', description: 'send it back (If-Match or body) when updating' },
    data: openObject,
  },
} as const;

export const createBody = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: { data: { ...openObject, description: 'the form submission; metadata is set by the server' } },
} as const;

export const updateBody = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: {
    data: openObject,
    revision: { type: 'integer', minimum: 1, description: 'the revision read; or send If-Match' },
  },
} as const;

export const sortKeySchema = {
  type: 'object',
  required: ['field'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', minLength: 1 },
    direction: { type: 'string', enum: ['asc', 'desc'] },
    type: { type: 'string', enum: ['string', 'number'] },
  },
} as const;

export const listQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: { type: 'string', description: 'a JSON Logic condition, URL-encoded JSON' },
    sort: { type: 'string', description: 'field:asc,other:desc (metadata fields start with $)' },
    cursor: { type: 'string' },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
    columns: { type: 'string', description: 'comma-separated top-level fields' },
  },
} as const;

export const queryBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: { description: 'a JSON Logic condition' },
    sort: { type: 'array', items: sortKeySchema, maxItems: 8 },
    cursor: { type: ['string', 'null'] },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
    columns: { type: 'array', items: { type: 'string' }, maxItems: 200 },
  },
} as const;

export const pageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: recordSchema }, nextCursor: { type: ['string', 'null'] } },
} as const;

export const auditPageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, at: { type: 'string' }, actor: { type: 'string' }, action: { type: 'string' },
          before: {}, after: {}, requestId: { type: ['string', 'null'] },
        },
      },
    },
    nextCursor: { type: ['string', 'null'] },
  },
} as const;
