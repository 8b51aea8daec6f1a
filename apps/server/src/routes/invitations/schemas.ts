import { newPasswordSchema, partnerOrgSchema, usernameSchema } from '../auth/schemas.js';

/** JSON Schemas of the invitation routes. */
const token = { type: 'string', minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' } as const;
const locale = { type: 'string', enum: ['zh-CN', 'en'] } as const;

export const createInvitationBody = {
  type: 'object',
  required: ['partnerOrg', 'roles'],
  additionalProperties: false,
  properties: {
    partnerOrg: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      description: 'created when it does not exist yet',
      properties: {
        id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' },
        name: { type: 'string', minLength: 1, maxLength: 200 },
        region: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
      },
    },
    roles: { type: 'array', minItems: 1, maxItems: 8, uniqueItems: true, items: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' } },
    email: { type: 'string', format: 'email', maxLength: 200 },
    locale,
    validDays: { type: 'integer', minimum: 1, maximum: 90, description: 'default 14' },
  },
} as const;

export const createdInvitation = {
  type: 'object',
  required: ['id', 'token', 'partnerOrg', 'expiresAt'],
  properties: {
    id: { type: 'string' },
    token: { type: 'string', description: 'shown this once; the registration link carries it' },
    partnerOrg: partnerOrgSchema,
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const tokenBody = {
  type: 'object', required: ['token'], additionalProperties: false, properties: { token },
} as const;

export const invitationView = {
  type: 'object',
  required: ['partnerOrg', 'email', 'locale', 'expiresAt'],
  properties: {
    partnerOrg: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
    email: { type: ['string', 'null'] },
    locale: { type: 'string' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const acceptBody = {
  type: 'object',
  required: ['token', 'username', 'password'],
  additionalProperties: false,
  properties: {
    token,
    username: usernameSchema,
    password: newPasswordSchema,
    displayName: { type: 'string', minLength: 1, maxLength: 128 },
    locale,
  },
} as const;

export const acceptedUser = {
  type: 'object',
  required: ['username', 'partnerOrg'],
  properties: { username: { type: 'string' }, partnerOrg: { type: 'string' } },
} as const;
