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
      documents: { type: 'object', properties: { licence: { $ref: '#/$defs/file' }, idCard: { $ref: '#/$defs/file' }, agreement: { $ref: '#/$defs/file' } } },
    },
    required: ['name'],
  },
  fields: {
    name: { label: { en: 'Name', 'zh-CN': '名称' }, help: { en: 'As registered', 'zh-CN': '与登记一致' } },
    'documents.licence': { label: { en: 'Licence', 'zh-CN': '执照' } },
  },
  ui: { uiSchema: { documents: { licence: { 'ui:widget': 'file' } } } },
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
});
