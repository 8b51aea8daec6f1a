import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@trellis/definitions';
import { pageForm } from './page-schema.js';

const definition = {
  kind: 'entity', formatVersion: 1, id: 'application', label: { en: 'Application', 'zh-CN': '申请' },
  schema: {
    type: 'object',
    $defs: { file: { type: 'object', properties: { fileId: { type: 'string' } } } },
    properties: {
      name: { type: 'string' },
      kind: { type: 'string', enum: ['distributor', 'retailer'] },
      region: { type: 'string' },
      customer: { type: 'string' },
      alsoCustomers: { type: 'array', items: { type: 'string' } },
      office: { type: 'object', properties: { province: { type: 'string' }, city: { type: 'string' }, district: { type: 'string' }, street: { type: 'string' } } },
      documents: { type: 'object', properties: { licence: { $ref: '#/$defs/file' }, idCard: { $ref: '#/$defs/file' }, agreement: { $ref: '#/$defs/file' } } },
    },
    required: ['name'],
  },
  fields: {
    name: { label: { en: 'Name', 'zh-CN': '名称' }, help: { en: 'As registered', 'zh-CN': '与登记一致' } },
    'documents.licence': { label: { en: 'Licence', 'zh-CN': '执照' } },
  },
  ui: {
    uiSchema: {
      documents: { licence: { 'ui:widget': 'file' }, agreement: { 'ui:options': { optionsFrom: { entity: 'customer', labelField: 'name' } } } },
      customer: { 'ui:options': { optionsFrom: { entity: 'customer', labelField: 'name' } } },
      office: { 'ui:options': { kind: 'address' } },
      alsoCustomers: { 'ui:widget': 'checkboxes', 'ui:options': { optionsFrom: { entity: 'customer', labelField: 'name' } } },
    },
  },
} as unknown as EntityDefinition;

const ui = { hidden: ['documents.idCard'], required: ['documents.licence'], computed: { region: 'east' } };

describe('a wizard page as an rjsf form', () => {
  it('labels fields in the reader language, leaves hidden ones out and marks required and computed ones', () => {
    const form = pageForm({ definition, ui, locale: 'zh-CN', readOnly: new Set() }, ['name', 'kind', 'region', 'documents']);
    const props = form.schema.properties as Record<string, Record<string, unknown>>;
    expect(props.name).toMatchObject({ type: 'string', title: '名称' });
    expect(form.schema.required).toEqual(['name']);
    expect(form.uiSchema.name).toMatchObject({ 'ui:help': '与登记一致' });
    expect(form.uiSchema.kind).toMatchObject({ 'ui:enumNames': { distributor: '经销商', retailer: '零售商' } });
    expect(form.uiSchema.region).toMatchObject({ 'ui:readonly': true });
    const documents = props.documents as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(documents.properties)).toEqual(['licence', 'agreement']);
    expect(documents.required).toEqual(['licence']);
    expect(form.uiSchema.documents).toMatchObject({ licence: { 'ui:field': 'attachments' } });
    expect(form.schema.$defs).toBeDefined();
  });

  it('shows only the named children of a group for dotted fields', () => {
    const form = pageForm({ definition, ui, locale: 'en', readOnly: new Set() }, ['documents.agreement']);
    const documents = (form.schema.properties as Record<string, { properties: object }>).documents;
    expect(Object.keys(documents?.properties ?? {})).toEqual(['agreement']);
  });

  it("gives top-level fields whose options are another entity's records the record-options field", () => {
    const form = pageForm({ definition, ui, locale: 'en', readOnly: new Set() }, ['customer', 'alsoCustomers', 'region', 'documents.agreement']);
    expect(form.uiSchema.customer).toMatchObject({ 'ui:field': 'recordOptions' });
    expect(form.uiSchema.alsoCustomers).toMatchObject({ 'ui:field': 'recordOptions' });
    expect(form.uiSchema.region?.['ui:field']).toBeUndefined();
    // the server lists options of top-level fields only: a nested one stays as it is
    expect((form.uiSchema.documents as Record<string, Record<string, unknown>>).agreement?.['ui:field']).toBeUndefined();
  });

  it('draws an address field level by level (province → city → district), as the studio previews it', () => {
    const form = pageForm({ definition, ui, locale: 'zh-CN', readOnly: new Set() }, ['office']);
    expect(form.uiSchema.office).toMatchObject({ 'ui:field': 'address' });
    // the field draws its parts itself: rjsf gets no per-part uiSchema
    expect(Object.keys(form.uiSchema.office as object)).toEqual(['ui:options', 'ui:field']);
  });
});
