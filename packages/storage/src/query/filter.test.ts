import { evaluateReference, type JsonValue, type Rule } from '@trellis/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, Storage } from '../port.js';
import { testBackends } from '../testing/backends.js';
import { newApp, problemOf } from '../testing/fixtures.js';

const ROWS: JsonObject[] = [
  { name: 'alpha', n: 1, active: true, tags: ['red', 'blue'], address: { city: 'Shanghai' }, joined: '2024-01-15' },
  { name: 'beta', n: 5, active: false, tags: ['blue'], address: { city: 'Beijing' }, joined: '2024-03-01' },
  { name: 'gamma', n: 10, tags: [], address: { city: 'Shanghai' }, joined: '2023-12-31' },
  { name: "o'brien; drop table records; --", n: 7.5, active: true, note: 'x' },
  { name: 'delta', n: null, active: true, note: '' },
  { name: 'epsilon', code: '5', 'we"ird\'key': 'yes', address: { city: null } },
  { n: 0, name: '' },
];

/** Filters whose SQL answer must equal json-logic-js evaluated on each document. */
const AGREEING: Rule[] = [
  { '==': [{ var: 'name' }, 'alpha'] },
  { '===': [{ var: 'name' }, 'beta'] },
  { '!=': [{ var: 'name' }, 'alpha'] },
  { '>': [{ var: 'n' }, 4] },
  { '>=': [{ var: 'n' }, 5] },
  { '<': [1, { var: 'n' }] },
  { '<=': [1, { var: 'n' }, 7.5] },
  { '<': [1, { var: 'n' }, 10] },
  { '==': [{ var: 'active' }, true] },
  { '===': [{ var: 'active' }, false] },
  { '==': [{ var: 'address.city' }, 'Shanghai'] },
  { in: [{ var: 'name' }, ['alpha', 'gamma', 'nobody']] },
  { in: [{ var: 'n' }, [1, 10]] },
  { in: ['blue', { var: 'tags' }] },
  { in: ['ps', { var: 'name' }] },
  { and: [{ '>': [{ var: 'n' }, 0] }, { '==': [{ var: 'address.city' }, 'Shanghai'] }] },
  { or: [{ '==': [{ var: 'name' }, 'beta'] }, { '>': [{ var: 'n' }, 9] }] },
  { '!': { '==': [{ var: 'address.city' }, 'Shanghai'] } },
  { '!': [{ var: 'active' }] },
  { '!!': { var: 'note' } },
  { var: 'active' },
  { missing: ['note'] },
  { missing: ['address.city', 'name'] },
  { '!': { missing: 'active' } },
  { missing_some: [1, ['note', 'active']] },
  { '==': [{ var: 'joined' }, null] },
  { '!==': [{ var: 'n' }, null] },
  { '>': [{ var: 'joined' }, '2024-01-01'] },
  { '==': [{ var: 'we"ird\'key' }, 'yes'] },
  { '==': [{ var: 'name' }, "o'brien; drop table records; --"] },
  { '==': [{ var: 'name' }, "'; drop table records; --"] },
  { '==': [1, 1] },
  { in: ['a', ['b']] },
  true,
];

describe.each(testBackends())('JSON Logic filters on $kind', (backend) => {
  let storage: Storage;
  let app: string;
  const idsByName = new Map<number, string>();

  beforeAll(async () => {
    storage = await backend.open();
    app = await newApp(storage);
    await storage.transaction(async (tx) => {
      for (const [i, data] of ROWS.entries()) {
        const r = await tx.records.create({ app, entity: 'e', definitionVersion: 1, owner: i % 2 === 0 ? 'even' : 'odd', partnerOrg: `org${i % 3}`, data, actor: 'u' });
        idsByName.set(i, r.id);
      }
    });
  });
  afterAll(() => storage.close());

  const listIds = async (filter: Rule, extra: object = {}) =>
    (await storage.read.records.list({ app, entity: 'e', filter, limit: 500, ...extra })).items.map((r) => r.id).sort();

  it.each(AGREEING.map((f) => [JSON.stringify(f), f] as const))('%s selects what json-logic-js selects', async (_name, filter) => {
    const expected = ROWS.flatMap((data, i) => {
      const value = evaluateReference(filter, data) as JsonValue;
      const truthy = Array.isArray(value) ? value.length > 0 : Boolean(value);
      return truthy ? [idsByName.get(i) ?? ''] : [];
    }).sort();
    expect(await listIds(filter)).toEqual(expected);
    expect(await storage.read.records.count({ app, entity: 'e', filter })).toBe(expected.length);
  });

  it('compares numbers only with numbers: missing, null and numeric text never satisfy an order', async () => {
    // json-logic-js would coerce null to 0 and "5" to 5; SQL over typed JSON deliberately does not.
    expect(await listIds({ '<': [{ var: 'n' }, 2] })).toEqual([0, 6].map((i) => idsByName.get(i)).sort());
    expect(await listIds({ '==': [{ var: 'code' }, 5] })).toEqual([]);
    expect(await listIds({ '==': [{ var: 'code' }, '5'] })).toEqual([idsByName.get(5)]);
    expect(await listIds({ '!': { '<': [{ var: 'n' }, 2] } })).toHaveLength(ROWS.length - 2);
  });

  it('leaves the table intact after injection-looking values and names', async () => {
    expect(await storage.read.records.count({ app, entity: 'e' })).toBe(ROWS.length);
    expect(await listIds({ '==': [{ var: "x') OR 1=1 --" }, 1] })).toEqual([]);
    expect(await listIds({ in: [{ var: 'name' }, ["') OR TRUE --", 'alpha']] })).toEqual([idsByName.get(0)]);
  });

  it('filters on metadata pseudo-fields mapped to columns', async () => {
    expect(await listIds({ '==': [{ var: '$owner' }, 'even'] })).toHaveLength(4);
    expect(await listIds({ in: [{ var: '$partnerOrg' }, ['org1', 'org2']] })).toHaveLength(4);
    expect(await listIds({ '==': [{ var: '$id' }, idsByName.get(3) ?? ''] })).toEqual([idsByName.get(3)]);
    expect(await listIds({ '==': [{ var: '$id' }, 'not-a-uuid'] })).toEqual([]);
    expect(await listIds({ '>=': [{ var: '$createdAt' }, '2000-01-01'] })).toHaveLength(ROWS.length);
    expect(await listIds({ '<': [{ var: '$createdAt' }, '2000-01-01T00:00:00Z'] })).toEqual([]);
    expect(await listIds({ '==': [{ var: '$revision' }, 1] })).toHaveLength(ROWS.length);
  });

  it('ANDs the scope with the filter, so a filter cannot widen it', async () => {
    const scope = { '==': [{ var: '$partnerOrg' }, { var: '$user.org' }] };
    const vars = { $user: { org: 'org0' } };
    const inScope = await listIds(true, { scope, vars });
    expect(inScope).toEqual([0, 3, 6].map((i) => idsByName.get(i)).sort());
    const widened = await listIds({ or: [true, { '==': [{ var: '$partnerOrg' }, 'org1'] }] }, { scope, vars });
    expect(widened).toEqual(inScope);
    expect(await listIds({ '==': [{ var: 'name' }, 'beta'] }, { scope, vars })).toEqual([]);
    expect(await storage.read.records.count({ app, entity: 'e', scope, vars })).toBe(3);
  });

  it('returns only the selected columns', async () => {
    const page = await storage.read.records.list({ app, entity: 'e', filter: { '==': [{ var: 'name' }, 'alpha'] }, columns: ['name', 'n', 'absent'] });
    expect(page.items[0]?.data).toEqual({ name: 'alpha', n: 1 });
    expect(page.items[0]?.revision).toBe(1);
  });

  it('refuses what it cannot translate with STORAGE_BAD_FILTER naming the position', async () => {
    const bad = (filter: Rule, extra: object = {}) => problemOf(storage.read.records.list({ app, entity: 'e', filter, ...extra }));
    expect(await bad({ and: [true, { if: [true, 1, 2] }] })).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'filter.and.1.if' });
    expect(await bad({ '==': [{ var: 'a' }, { var: 'b' }] })).toMatchObject({ path: 'filter.==' });
    expect(await bad({ '==': [{ var: 'a' }, { '+': [1, 2] }] })).toMatchObject({ path: 'filter.==.1' });
    expect(await bad({ '<': [{ var: 'a' }, null] })).toMatchObject({ path: 'filter.<' });
    expect(await bad({ '==': [{ var: '$nobody' }, 1] })).toMatchObject({ path: 'filter.==.0.var' });
    expect(await bad({ '==': [{ var: ['a', 'default'] }, 1] })).toMatchObject({ path: 'filter.==.0.var' });
    expect(await bad({ '<': [{ var: '$createdAt' }, 'yesterday'] })).toMatchObject({ path: 'filter.<' });
    expect(await bad(true, { scope: { map: [[], 1] } })).toMatchObject({ path: 'scope.map' });
    const p = await bad(true, { limit: 501 });
    expect(p).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'limit' });
    expect(p.message['zh-CN']).toContain('500');
  });
});
