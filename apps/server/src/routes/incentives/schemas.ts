/** JSON Schemas of the incentive routes (the OpenAPI document is generated from them). */
export const TAG = 'incentives';

const id = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;
const anyJson = {} as const;
const openObject = { type: 'object', additionalProperties: true } as const;
const nullableText = { type: ['string', 'null'] } as const;

export const appParams = { type: 'object', required: ['app'], properties: { app: id } } as const;
export const runParams = { type: 'object', required: ['app', 'id'], properties: { app: id, id: { type: 'string', format: 'uuid' } } } as const;
export const resultParams = {
  type: 'object', required: ['app', 'id', 'program', 'subject'],
  properties: { ...runParams.properties, program: id, subject: { type: 'string', minLength: 1 } },
} as const;

export const period = { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$', description: '2026-03, 2026-Q1, 2026-H1 or 2026' } as const;

export const startBody = {
  type: 'object', required: ['period'], additionalProperties: false,
  properties: {
    period,
    programs: { type: 'array', items: id, minItems: 1, uniqueItems: true, description: 'default: every program in force for the period' },
    context: { ...openObject, description: "what the programs read as $context (declared by each program's context)" },
  },
} as const;

export const runSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, app: { type: 'string' }, period: { type: 'string' },
    requestedPrograms: { type: ['array', 'null'], items: { type: 'string' } },
    programs: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' }, subjectEntity: { type: 'string' }, subjectKey: { type: 'string' } } },
    },
    context: openObject,
    status: { type: 'string', enum: ['draft', 'running', 'cancelled', 'failed', 'computed', 'superseded', 'submitted', 'approved', 'final'] },
    progress: { type: 'object', properties: { done: { type: 'integer' }, total: { type: 'integer' } } },
    error: anyJson, previousRun: nullableText, correctsRun: nullableText,
    createdBy: { type: 'string' }, createdAt: { type: 'string' }, startedAt: nullableText, finishedAt: nullableText,
    submittedBy: nullableText, submittedAt: nullableText, approvedBy: nullableText, approvedAt: nullableText,
    finalizedBy: nullableText, finalizedAt: nullableText, approvalInstance: nullableText,
  },
} as const;

export const resultSchema = {
  type: 'object',
  properties: {
    program: { type: 'string' }, programVersion: { type: 'integer' }, subject: { type: 'string' }, eligible: { type: 'boolean' },
    amount: { type: 'string', description: 'decimal, the program scale' }, currency: { type: 'string' },
    inputs: anyJson, lines: anyJson, explanation: anyJson,
  },
} as const;

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  after: { type: 'string', maxLength: 2000, description: 'the nextCursor of the previous page' },
} as const;

export const resultsQuery = {
  type: 'object', additionalProperties: false,
  properties: { program: id, subject: { type: 'string', minLength: 1 }, eligible: { type: 'boolean' }, paying: { type: 'boolean' }, ...pageQuery },
} as const;

export const diffEntrySchema = {
  type: 'object',
  properties: {
    program: { type: 'string' }, subject: { type: 'string' }, before: nullableText, after: nullableText, change: { type: 'string' },
    reasons: { type: 'array', items: openObject },
  },
} as const;

export const calculatorBody = {
  type: 'object', required: ['program', 'period', 'subject'], additionalProperties: false,
  properties: {
    program: id, period, subject: { type: 'string', minLength: 1 },
    overrides: {
      type: 'object', description: 'metric id → a hypothetical value, or {"add": x} to add to the actual one',
      additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }, { ...openObject, description: '{"add": x}, or a grouped value' }] },
      default: {},
    },
    context: openObject,
  },
} as const;
