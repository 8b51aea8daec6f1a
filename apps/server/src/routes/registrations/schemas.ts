import { newPasswordSchema } from '../auth/schemas.js';

/** JSON Schemas of the self-registration routes. */
export const appParams = {
  type: 'object', required: ['app'], properties: { app: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const registrationPolicy = {
  type: 'object',
  required: ['open'],
  properties: { open: { type: 'boolean', description: "whether anyone may sign up for this app's self-registration role" } },
} as const;

export const registrationBody = {
  type: 'object',
  required: ['organisation', 'email', 'password'],
  additionalProperties: false,
  properties: {
    organisation: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 2, maxLength: 200, pattern: '\\S' } },
    },
    // the e-mail address is also the username, so it keeps to the characters a username may hold
    email: { type: 'string', format: 'email', maxLength: 64, pattern: '^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$' },
    password: newPasswordSchema,
    displayName: { type: 'string', minLength: 1, maxLength: 128 },
    locale: { type: 'string', enum: ['zh-CN', 'en'] },
  },
} as const;

export const registeredUser = {
  type: 'object',
  required: ['username', 'partnerOrg'],
  properties: {
    username: { type: 'string', description: 'the e-mail address, lower-case: sign in with it' },
    partnerOrg: { type: 'string', description: 'the id of the new organisation' },
  },
} as const;
