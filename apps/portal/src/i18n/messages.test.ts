import { describe, expect, it } from 'vitest';
import { catalogDifferences } from '@trellis/errors';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

describe('the portal texts', () => {
  it('exist in both languages with the same keys and placeholders', () => {
    expect(catalogDifferences({ 'zh-CN': zhCN, en })).toEqual([]);
  });
});
