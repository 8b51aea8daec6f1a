import type { PartnerOrg, PartnerOrgRepository } from '../port.js';
import { storageProblems } from '../problems.js';
import { iso, one, withConstraints, type RepoContext } from './context.js';

interface OrgRow {
  id: string;
  name: string;
  region: string | null;
  created_at: unknown;
}

const toOrg = (row: OrgRow): PartnerOrg => ({ id: row.id, name: row.name, region: row.region, createdAt: iso(row.created_at) });

export function partnerOrgRepository(ctx: RepoContext): PartnerOrgRepository {
  const { sql } = ctx;
  return {
    async get(id) {
      const rows = await sql.query<OrgRow>('SELECT * FROM partner_orgs WHERE id = $1', [id]);
      return rows[0] === undefined ? null : toOrg(rows[0]);
    },
    async list() {
      return (await sql.query<OrgRow>('SELECT * FROM partner_orgs ORDER BY name, id')).map(toOrg);
    },
    async create(input) {
      const rows = await withConstraints(
        sql.query<OrgRow>('INSERT INTO partner_orgs (id, name, region, created_at) VALUES ($1, $2, $3, $4::timestamptz) RETURNING *', [
          input.id,
          input.name,
          input.region ?? null,
          ctx.now().toISOString(),
        ]),
        { partner_orgs_pkey: () => storageProblems.duplicate('id', input.id) },
      );
      return toOrg(one(rows));
    },
  };
}
