import { describe, expect, it } from 'vitest';
import { catalogDifferences } from './catalogs.js';

describe('catalogDifferences', () => {
  it('is empty when the catalogs agree', () => {
    expect(catalogDifferences({ en: { a: { b: 'Hello {{name}}' } }, 'zh-CN': { a: { b: '你好，{{name}}' } } })).toEqual([]);
  });

  it('names missing keys, empty texts and different placeholders', () => {
    const differences = catalogDifferences({
      en: { title: 'Title', count: '{{n}} rows', only: 'x' },
      'zh-CN': { title: ' ', count: '{{m}} 行' },
    });
    expect(differences).toEqual([
      'count: placeholders differ (en: {{n}}; zh-CN: {{m}})',
      'only: missing in zh-CN',
      'title: empty in zh-CN',
    ]);
  });
});
