import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOWS } from '../../sample/template.js';
import { sampleSource } from './sample-source.js';

describe('the bundled flow source', () => {
  it('opens a bundled flow as published version 1, keeps a draft, publishes version 2', async () => {
    const source = sampleSource(SAMPLE_FLOWS);
    expect((await source.list()).map((f) => f.id)).toEqual(SAMPLE_FLOWS.map((f) => f.id));
    const opened = await source.open('partner_onboarding');
    expect(opened.published?.version).toBe(1);
    const draft = { ...opened.draft, label: { 'zh-CN': '准入', en: 'Onboarding' } };
    await source.saveDraft(draft);
    expect((await source.open('partner_onboarding')).draft).toBe(draft);
    expect(await source.publish(draft)).toEqual({ version: 2, body: draft });
    expect(await source.open('partner_onboarding')).toEqual({ draft, published: { version: 2, body: draft } });
    expect(await source.versionDiff('partner_onboarding', 1, 2)).toEqual(['/label/en', '/label/zh-CN']);
    await expect(source.versionDiff('partner_onboarding', 1, 3)).rejects.toThrow('no version 1 or 3');
    await expect(source.open('nope')).rejects.toThrow('no flow "nope"');
  });
});
