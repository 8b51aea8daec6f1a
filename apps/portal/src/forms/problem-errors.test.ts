import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { pageOf, toErrorSchema } from './problem-errors.js';

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    companyName: { type: 'string' },
    documents: { type: 'object', properties: { businessLicense: { type: 'object', properties: { fileId: { type: 'string' } } } } },
  },
};
const message = (en: string) => ({ en, 'zh-CN': `中文：${en}` });

describe('problems on fields', () => {
  it('puts each message on the deepest field the page shows, in the reader language', () => {
    const errors = toErrorSchema([
      { code: 'FORM_REQUIRED', path: 'companyName', message: message('Enter the name') },
      { code: 'FORM_REQUIRED', path: 'documents.businessLicense', message: message('Upload the licence') },
      { code: 'SCHEMA_PATTERN', path: 'documents.businessLicense.fileId.x', message: message('Bad file') },
      { code: 'FORM_VALIDATION', path: '', message: message('Whole form') },
    ], { schema, uiSchema: { documents: { businessLicense: { 'ui:field': 'attachments' } } } }, 'zh-CN');
    expect(errors).toEqual({
      __errors: ['中文：Whole form'],
      companyName: { __errors: ['中文：Enter the name'] },
      documents: { businessLicense: { __errors: ['中文：Upload the licence', '中文：Bad file'] } },
    });
  });

  it('finds the page of a problem by its top field', () => {
    const pages = [['companyName'], ['province', 'documents']];
    expect(pageOf({ code: 'X', path: 'documents.idCardCopy', message: message('x') }, pages)).toBe(1);
    expect(pageOf({ code: 'X', path: 'status', message: message('x') }, pages)).toBe(-1);
  });
});
