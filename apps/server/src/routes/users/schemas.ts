import { newPasswordSchema, sessionUserProperties, usernameSchema } from '../auth/schemas.js';

const roleId = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_]*$' } as const;
const roles = { type: 'array', items: roleId, maxItems: 32, uniqueItems: true } as const;
const regions = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, maxItems: 256, uniqueItems: true } as const;
const locale = { type: 'string', enum: ['zh-CN', 'en'] } as const;
const displayName = { type: 'string', minLength: 1, maxLength: 128 } as const;
const partnerOrg = { type: ['string', 'null'], minLength: 1, maxLength: 64 } as const;
const email = { type: ['string', 'null'], format: 'email', maxLength: 254, description: 'where "email" notifications of flows go (SMTP); null: in-app inbox only' } as const;
const manager = { type: ['string', 'null'], format: 'uuid', description: "the user's manager (flow escalations, owner_manager approvers)" } as const;

export const userSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'roles', 'partnerOrg', 'regions', 'locale', 'mustChangePassword', 'disabled', 'createdAt', 'updatedAt'],
  properties: {
    ...sessionUserProperties,
    disabled: { type: 'boolean' },
    manager,
    email,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

/** What an admin sets on a user, when creating it and when changing it. */
const settableProperties = { displayName, roles: { ...roles, minItems: 1 }, partnerOrg, regions, manager, email, locale } as const;

export const createUserBodySchema = {
  type: 'object',
  required: ['username', 'roles'],
  additionalProperties: false,
  properties: {
    username: usernameSchema,
    password: { ...newPasswordSchema, description: 'absent: a one-time password is generated and returned once' },
    ...settableProperties,
  },
} as const;

export const createUserResponseSchema = {
  type: 'object',
  required: ['user'],
  properties: {
    user: userSchema,
    generatedPassword: { type: 'string', description: 'only when no password was given; shown this once' },
  },
} as const;

export const updateUserBodySchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    password: { ...newPasswordSchema, description: 'sets a new password; the user must change it at next sign-in' },
    ...settableProperties,
    disabled: { type: 'boolean', description: 'a disabled user cannot sign in and loses its sessions' },
  },
} as const;

export const userIdParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;
