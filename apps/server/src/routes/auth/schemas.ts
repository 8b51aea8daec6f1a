import { MIN_PASSWORD_LENGTH } from '../../identity/password.js';

/** The JSON Schemas of the identity routes (shared with the users routes). */
export const partnerOrgSchema = {
  type: 'object',
  required: ['id', 'name', 'region', 'createdAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    region: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const sessionUserProperties = {
  id: { type: 'string' },
  username: { type: 'string' },
  displayName: { type: 'string' },
  roles: { type: 'array', items: { type: 'string' } },
  partnerOrg: { type: ['string', 'null'], description: 'id of the partner organisation the user belongs to' },
  regions: { type: 'array', items: { type: 'string' } },
  locale: { type: 'string' },
  mustChangePassword: { type: 'boolean' },
} as const;

const sessionUserRequired = ['id', 'username', 'displayName', 'roles', 'partnerOrg', 'regions', 'locale', 'mustChangePassword'] as const;

export const meSchema = {
  type: 'object',
  required: [...sessionUserRequired, 'partnerOrgDetails'],
  properties: {
    ...sessionUserProperties,
    partnerOrgDetails: { anyOf: [partnerOrgSchema, { type: 'null' }] },
  },
} as const;

export const usernameSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._@-]+$' } as const;
/** upper bound so a huge "password" cannot make scrypt hash megabytes */
export const passwordSchema = { type: 'string', minLength: 1, maxLength: 256 } as const;
export const newPasswordSchema = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 256 } as const;

export const loginBodySchema = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: passwordSchema },
} as const;

export const passwordBodySchema = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: { currentPassword: passwordSchema, newPassword: newPasswordSchema },
} as const;
