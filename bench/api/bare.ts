/**
 * The baseline: a plain fastify route that validates the body against the entity's JSON Schema
 * with ajv and inserts the same row into the same table (with the same indexes), with nothing else
 * (no session, no form rules, no permissions, no audit).
 */
import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Storage } from '@trellis/storage';
import { onboardingDefinition } from './onboarding.js';

/** `app` exists (the PRM template imported), so the table holds the same indexes as the full server's. */
export async function buildBareApp(storage: Storage, app: string, entity: string): Promise<FastifyInstance> {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const server = Fastify({ logger: false });
  server.setValidatorCompiler(({ schema }) => ajv.compile(schema));
  // The record is the whole body: the entity schema's local $refs resolve against its root.
  server.post<{ Body: Record<string, unknown> }>('/bare', {
    schema: { body: onboardingDefinition().schema },
  }, async (request, reply) => {
    const rows = await storage.sql.query<{ id: string }>(
      `INSERT INTO records (id, app, entity, definition_version, owner, partner_org, created_by, created_at, updated_by, updated_at, revision, data)
       VALUES ($1::uuid, $2, $3, 1, $4, $5, $4, $6::timestamptz, $4, $6::timestamptz, 1, $7::jsonb) RETURNING id`,
      [randomUUID(), app, entity, 'bench', 'org_bench', new Date().toISOString(), JSON.stringify(request.body)],
    );
    return reply.code(201).send({ id: rows[0]?.id });
  });
  server.addHook('onClose', async () => storage.close());
  return server;
}
