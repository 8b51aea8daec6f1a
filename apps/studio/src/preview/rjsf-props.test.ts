import { describe, expect, it } from 'vitest';
import { toDefinition } from '../builder/to-definition.js';
import type { BuilderForm } from '../builder/model.js';
import { rjsfProps } from './rjsf-props.js';
import { sampleValues } from './sample-values.js';

const l = (en: string, zh: string) => ({ 'zh-CN': zh, en });
const form: BuilderForm = {
  id: 'order',
  label: l('Order', '订单'),
  pages: [],
  fields: [
    { key: 'channel', kind: 'select', label: l('Channel', '渠道'), help: l('Where it came from', '来源'), options: [{ value: 'web', label: l('Web', '网站') }, { value: 'shop', label: l('Shop', '门店') }] },
    { key: 'qty', kind: 'number', label: l('Quantity', '数量'), min: 1 },
    { key: 'reason', kind: 'text', label: l('Reason', '理由') },
    { key: 'total', kind: 'number', label: l('Total', '合计'), computedAs: { '*': [{ var: 'qty' }, 2] } },
    { key: 'lines', kind: 'repeater', label: l('Lines', '明细'), columns: [{ key: 'item', kind: 'text', label: l('Item', '品名') }] },
  ],
};
const definition = toDefinition(form);
type Node = Record<string, Record<string, unknown>>;

describe('what the preview gives rjsf', () => {
  it('labels fields and options in the chosen language, rows included', () => {
    const { schema, uiSchema } = rjsfProps(definition, 'zh-CN', { hidden: [], required: [], computed: [] });
    const props = schema.properties as Node;
    expect(props.channel).toMatchObject({ title: '渠道', description: '来源' });
    expect((uiSchema.channel as Record<string, unknown>)['ui:enumNames']).toEqual(['网站', '门店']);
    expect((props.lines?.items as { properties: Node }).properties.item).toMatchObject({ title: '品名' });
    expect(schema.title).toBe('订单');
  });

  it("follows the runtime: hidden fields leave, conditionally required ones and computed ones are marked", () => {
    const { schema, uiSchema } = rjsfProps(definition, 'en', { hidden: ['channel'], required: ['reason'], computed: ['total'] });
    expect(Object.keys(schema.properties as object)).toEqual(['qty', 'reason', 'total', 'lines']);
    expect(uiSchema['ui:order']).toEqual(['qty', 'reason', 'total', 'lines']);
    expect(schema.required).toEqual(['reason']);
    expect((uiSchema.total as Record<string, unknown>)['ui:readonly']).toBe(true);
  });

  it('shows one wizard page at a time', () => {
    const { schema } = rjsfProps(definition, 'en', { hidden: [], required: [], computed: [] }, ['qty']);
    expect(Object.keys(schema.properties as object)).toEqual(['qty']);
  });

  it('marks where each section starts, at its first shown field', () => {
    const sectioned = toDefinition({ ...form, fields: [
      { key: 'head', kind: 'heading', label: l('Order', '订单信息') }, ...form.fields.slice(0, 3),
      { key: 'more', kind: 'heading', label: l('More', '更多') }, ...form.fields.slice(3),
    ] });
    const headingsOf = (ui: Record<string, unknown>) => (ui['ui:options'] as { headings: Record<string, string> }).headings;
    expect(headingsOf(rjsfProps(sectioned, 'zh-CN', { hidden: [], required: [], computed: [] }).uiSchema)).toEqual({ channel: '订单信息', total: '更多' });
    expect(headingsOf(rjsfProps(sectioned, 'en', { hidden: ['channel'], required: [], computed: [] }, ['channel', 'total']).uiSchema)).toEqual({ total: 'More' });
  });

  it('offers sample values that fit the fields', () => {
    expect(sampleValues(definition)).toEqual({ channel: 'web', qty: 1, reason: 'reason', total: 1 });
  });
});

describe("a select of another entity's records", () => {
  const visit = toDefinition({
    id: 'visit', label: l('Visit', '拜访'), pages: [],
    fields: [{ key: 'customer', kind: 'select', label: l('Customer', '客户'), optionsFrom: { entity: 'customer', labelField: 'name' } }],
  });

  it('is drawn by the field that asks the server for the options, and gets no sample value', () => {
    const { uiSchema } = rjsfProps(visit, 'en', { hidden: [], required: [], computed: [] });
    expect((uiSchema.customer as Record<string, unknown>)['ui:field']).toBe('recordOptions');
    expect(sampleValues(visit)).toEqual({});
  });
});

describe('a group of fields', () => {
  const grouped = toDefinition({
    id: 'application', label: l('Application', '申请'), pages: [],
    fields: [
      { key: 'kind', kind: 'text', label: l('Kind', '类型') },
      { key: 'documents', kind: 'group', label: l('Documents', '证照'), children: [
        { key: 'licence', kind: 'file', label: l('Licence', '执照'), help: l('A scan', '扫描件') },
        { key: 'photos', kind: 'file', label: l('Photos', '照片'), multiple: true },
        { key: 'note', kind: 'text', label: l('Note', '备注') },
      ] },
    ],
  });

  it('labels its fields by their dotted paths, and follows the runtime inside it', () => {
    const { schema, uiSchema } = rjsfProps(grouped, 'zh-CN', { hidden: ['documents.photos'], required: ['documents.licence'], computed: ['documents.note'] });
    const documents = (schema.properties as Node).documents as { title: string; properties: Node; required: string[] };
    expect(documents.title).toBe('证照');
    expect(Object.keys(documents.properties)).toEqual(['licence', 'note']);
    expect(documents.properties.licence).toMatchObject({ title: '执照', description: '扫描件' });
    expect(documents.required).toEqual(['licence']);
    const ui = uiSchema.documents as Node;
    expect(ui['ui:order']).toEqual(['licence', 'note']);
    expect(ui.licence).toMatchObject({ 'ui:field': 'attachment' });
    expect(ui.note).toMatchObject({ 'ui:readonly': true });
  });

  it('gets sample values for its fields, none for its uploads', () => {
    expect(sampleValues(grouped)).toEqual({ kind: 'kind', documents: { note: 'note' } });
  });
});
