import { describe, expect, it } from 'vitest';
import type { AppTemplate } from '@trellis/definitions';
import { templateDefinitions } from './definitions.js';
import { definitionHash } from './hash.js';
import { planImport, type ExistingApp } from './plan.js';
import { smallTemplate } from './testing/small-template.js';

const template = () => smallTemplate() as unknown as AppTemplate;

function stored(t: AppTemplate, appId = t.app.id): ExistingApp {
  return { appId, definitions: templateDefinitions(t).map(({ kind, id, content }) => ({ kind, id, content })) };
}

type Schema = { properties: Record<string, Record<string, unknown>>; required: string[] };
function partnerSchema(t: AppTemplate): Schema {
  return t.entities?.find((e) => e.id === 'partner')?.schema as unknown as Schema;
}

describe('planImport', () => {
  it('reports every definition as new for an app that does not exist yet', () => {
    const plan = planImport(template(), null);
    expect(plan.items.map((i) => `${i.status} ${i.kind}:${i.id}`)).toEqual([
      'new entity:partner', 'new entity:performance', 'new rule:bonus', 'new rule:rebate_rate', 'new flow:onboarding',
      'new program:sales_rebate', 'new role:channel_manager', 'new role:finance',
    ]);
    expect(plan.counts).toEqual({ new: 8, changed: 0, unchanged: 0, conflicting: 0 });
    expect(plan).toMatchObject({ appId: 'demo', conflicts: [], absent: [] });
  });

  it('reports unchanged definitions, whether stored with content or only a hash', () => {
    const byContent = planImport(template(), stored(template()));
    expect(byContent.counts).toEqual({ new: 0, changed: 0, unchanged: 8, conflicting: 0 });
    const byHash: ExistingApp = {
      appId: 'demo',
      definitions: templateDefinitions(template()).map(({ kind, id, content }) => ({ kind, id, contentHash: definitionHash(content) })),
    };
    expect(planImport(template(), byHash).counts.unchanged).toBe(8);
  });

  it('lists the changed paths of a changed definition; new and absent ones apart', () => {
    const before = template();
    const after = template();
    after.rules?.[0]?.table?.rows.push({ when: ['-'], then: [0.1] });
    after.rules?.splice(1, 1); // bonus removed from the template
    after.roles?.push({ id: 'auditor', label: { en: 'Auditor', 'zh-CN': '审计' } });
    partnerSchema(after).properties.region = { type: 'string', maxLength: 20 };
    const plan = planImport(after, stored(before));
    const rule = plan.items.find((i) => i.id === 'rebate_rate');
    expect(rule).toMatchObject({ status: 'changed', changes: ['/table/rows/3'] });
    expect(plan.items.find((i) => i.id === 'partner')).toMatchObject({ status: 'changed', changes: ['/schema/properties/region/maxLength'] });
    expect(plan.items.find((i) => i.id === 'auditor')?.status).toBe('new');
    expect(plan.absent).toEqual([{ kind: 'rule', id: 'bonus' }]);
    expect(plan.counts).toEqual({ new: 1, changed: 2, unchanged: 5, conflicting: 0 });
  });

  it('does not know what changed when only the stored hash is known', () => {
    const after = template();
    partnerSchema(after).properties.region = { type: 'string', maxLength: 20 };
    const existing: ExistingApp = { appId: 'demo', definitions: [{ kind: 'entity', id: 'partner', contentHash: 'sha256:00' }] };
    const item = planImport(after, existing).items.find((i) => i.id === 'partner');
    expect(item?.status).toBe('changed');
    expect(item).not.toHaveProperty('changes');
  });

  it('marks shared definitions conflicting when they belong to another app', () => {
    const plan = planImport(template(), stored(template(), 'other_app'));
    expect(plan.counts.conflicting).toBe(8);
    expect(plan.conflicts[0]).toMatchObject({ code: 'IMPORT_APP_ID_MISMATCH', details: { template: 'demo', existing: 'other_app' } });
  });

  it('marks entity changes that stored records would not satisfy, with the field path', () => {
    const after = template();
    const schema = partnerSchema(after);
    delete schema.properties.region; // removed
    schema.properties.tier = { type: 'integer' }; // type changed
    schema.properties.code = { type: 'string' };
    schema.properties.country = { type: 'string', default: 'CN' };
    schema.required.push('code', 'country'); // newly required: code without a default, country with one
    const plan = planImport(after, stored(template()));
    const item = plan.items.find((i) => i.id === 'partner');
    expect(item?.status).toBe('conflicting');
    expect(item?.changes?.length).toBeGreaterThan(0);
    expect(item?.conflicts?.map((c) => [c.code, c.path, c.details?.field])).toEqual([
      ['IMPORT_PROPERTY_TYPE_CHANGED', 'entities.partner.schema.properties.tier', 'tier'],
      ['IMPORT_PROPERTY_REMOVED', 'entities.partner.schema.properties.region', 'region'],
      ['IMPORT_REQUIRED_WITHOUT_DEFAULT', 'entities.partner.schema.properties.code', 'code'],
    ]);
    expect(plan.conflicts).toHaveLength(3);
  });

  it('accepts compatible entity changes: widening integer to number, a default from rules.defaults', () => {
    const before = template();
    partnerSchema(before).properties.creditLimit = { type: 'integer' };
    const after = template();
    partnerSchema(after).required.push('region'); // rules.defaults.region exists
    const plan = planImport(after, stored(before));
    expect(plan.items.find((i) => i.id === 'partner')?.status).toBe('changed');
    expect(plan.conflicts).toEqual([]);
  });

  it('follows nested objects and local $refs', () => {
    const before = template();
    const after = template();
    partnerSchema(before).properties.address = { $ref: '#/$defs/address' };
    (partnerSchema(before) as unknown as Record<string, unknown>).$defs = {
      address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string' } } },
    };
    partnerSchema(after).properties.address = { type: 'object', properties: { city: { type: 'number' } } };
    const conflicts = planImport(after, stored(before)).conflicts;
    expect(conflicts.map((c) => [c.code, c.details?.field])).toEqual([
      ['IMPORT_PROPERTY_TYPE_CHANGED', 'address.city'],
      ['IMPORT_PROPERTY_REMOVED', 'address.zip'],
    ]);
  });
});
