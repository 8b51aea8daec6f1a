/**
 * 100,000 partner records generated inside the database with one INSERT … SELECT (going through
 * the API would make the set-up take longer than the benchmark). The values spread over the
 * fields the list filters and sorts on; the field indexes come from publishing the entity.
 */
import type { Storage } from '@trellis/storage';

export async function bulkInsertPartners(storage: Storage, app: string, count: number): Promise<void> {
  await storage.sql.query(
    `INSERT INTO records (id, app, entity, definition_version, owner, partner_org, created_by, created_at, updated_by, updated_at, revision, data)
     SELECT gen_random_uuid(), $1, 'partner', 1, NULL, 'org_' || (i % 500), 'bench', t, 'bench', t, 1,
            jsonb_build_object(
              'partnerId', 'B' || lpad(i::text, 7, '0'),
              'name', 'Bench partner ' || i,
              'kind', (ARRAY['distributor', 'retailer', 'independent_rep', 'branch'])[1 + i % 4],
              'region', (ARRAY['east', 'south', 'north', 'west', 'central', 'southwest'])[1 + i % 6],
              'status', (ARRAY['active', 'active', 'active', 'prospect', 'warned', 'terminated'])[1 + (i / 7) % 6],
              'tierMetal', (ARRAY['bronze', 'silver', 'gold', 'diamond'])[1 + (i / 3) % 4],
              'creditLimit', (i * 7919) % 10000000,
              'joinedOn', to_char(DATE '2015-01-01' + (i % 4000), 'YYYY-MM-DD'))
     FROM generate_series(1, $2::int) AS i, LATERAL (SELECT TIMESTAMPTZ '2026-01-01' + i * INTERVAL '1 second' AS t) AS stamp`,
    [app, count],
  );
  await storage.sql.query('ANALYZE records');
}
