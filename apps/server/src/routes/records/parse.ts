/** Reading the list parameters of a request into what the records service takes. */
import type { Rule, SortKey } from '@trellis/storage';
import { HttpProblem } from '../../http/http-problem.js';
import { serviceProblems } from '../../services/problems.js';
import type { ListRequest } from '../../services/records.js';

function parseFilter(text: string): Rule {
  try {
    return JSON.parse(text) as Rule;
  } catch {
    throw new HttpProblem(400, serviceProblems.badFilter('querystring.filter', 'not JSON'));
  }
}

/** `field:asc,other:desc` → sort keys; a field alone sorts ascending. */
function parseSort(text: string): SortKey[] {
  return text.split(',').filter((part) => part !== '').map((part) => {
    const [field = '', direction = 'asc'] = part.split(':');
    if (field === '' || (direction !== 'asc' && direction !== 'desc')) {
      throw new HttpProblem(400, serviceProblems.badFilter('querystring.sort', `"${part}" is not field:asc or field:desc`));
    }
    return { field, direction };
  });
}

export interface ListQuerystring {
  filter?: string;
  sort?: string;
  cursor?: string;
  limit?: number;
  columns?: string;
}

export function listRequestFromQuery(query: ListQuerystring): ListRequest {
  return {
    ...(query.filter === undefined ? {} : { filter: parseFilter(query.filter) }),
    ...(query.sort === undefined ? {} : { sort: parseSort(query.sort) }),
    ...(query.cursor === undefined ? {} : { after: query.cursor }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
    ...(query.columns === undefined ? {} : { columns: query.columns.split(',').filter((c) => c !== '') }),
  };
}

export interface QueryBody {
  filter?: unknown;
  sort?: SortKey[];
  cursor?: string | null;
  limit?: number;
  columns?: string[];
}

export function listRequestFromBody(body: QueryBody): ListRequest {
  return {
    ...(body.filter === undefined ? {} : { filter: body.filter as Rule }),
    ...(body.sort === undefined ? {} : { sort: body.sort }),
    ...(body.cursor === undefined ? {} : { after: body.cursor }),
    ...(body.limit === undefined ? {} : { limit: body.limit }),
    ...(body.columns === undefined ? {} : { columns: body.columns }),
  };
}

/** The revision an update is based on: `If-Match: "3"` (or W/"3", or 3), else the body's `revision`. */
export function revisionOf(ifMatch: string | undefined, bodyRevision: number | undefined): number | undefined {
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(ifMatch.trim());
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return bodyRevision;
}
