import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalTemplateText } from './canonical.js';
import { checkContentHash, contentHash, definitionHash, exportTemplate } from './hash.js';
import { smallTemplate } from './testing/small-template.js';

/** The same JSON with every object's keys in reverse order and the definition lists reversed. */
function reordered(value: unknown, top = true): unknown {
  if (Array.isArray(value)) return value.map((item) => reordered(item, false));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).reverse().map(([k, v]) => {
    const inner = reordered(v, false);
    return [k, top && Array.isArray(inner) ? [...inner].reverse() : inner] as const;
  });
  return Object.fromEntries(entries);
}

describe('canonical export', () => {
  it('is byte-identical for the same app built in different key and definition orders', () => {
    const a = smallTemplate();
    const b = reordered(smallTemplate());
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(exportTemplate(b)).toBe(exportTemplate(a));
    expect(canonicalTemplateText(b)).toBe(canonicalTemplateText(a));
  });

  it('sorts definitions by id, keeps meaningful order (table rows), indents by 2, ends with a newline', () => {
    const text = exportTemplate(smallTemplate());
    const parsed = JSON.parse(text) as { rules: { id: string; table?: { rows: { then: number[] }[] } }[]; roles: { id: string }[] };
    expect(parsed.rules.map((r) => r.id)).toEqual(['bonus', 'rebate_rate']);
    expect(parsed.roles.map((r) => r.id)).toEqual(['channel_manager', 'finance']);
    expect(parsed.rules[1]?.table?.rows.map((r) => r.then[0])).toEqual([0, 0.02, 0.05]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"app": \{$/);
    expect(text.indexOf('"app"')).toBeLessThan(text.indexOf('"contentHash"'));
  });

  it('is the text the hash is computed over: sha256 of the canonical text without the hash', () => {
    const template = smallTemplate();
    const expected = `sha256:${createHash('sha256').update(canonicalTemplateText(template), 'utf8').digest('hex')}`;
    expect(contentHash(template)).toBe(expected);
    expect((JSON.parse(exportTemplate(template)) as { contentHash: string }).contentHash).toBe(expected);
  });

  it('rejects values JSON cannot represent instead of writing them approximately', () => {
    expect(() => canonicalTemplateText({ a: Number.NaN })).toThrow();
  });
});

describe('content hash', () => {
  it('verifies an export and ignores an existing hash when recomputing', () => {
    const exported = JSON.parse(exportTemplate(smallTemplate())) as Record<string, unknown>;
    expect(checkContentHash(exported)).toEqual([]);
    expect(contentHash(exported)).toBe(exported.contentHash);
    expect(exportTemplate(exported)).toBe(exportTemplate(smallTemplate()));
  });

  it('changes with the content, and a stale hash is TEMPLATE_HASH_MISMATCH', () => {
    const exported = JSON.parse(exportTemplate(smallTemplate())) as { app: { version: string }; contentHash: string };
    const before = exported.contentHash;
    exported.app.version = '1.0.1';
    expect(contentHash(exported)).not.toBe(before);
    const [problem] = checkContentHash(exported);
    expect(problem).toMatchObject({ code: 'TEMPLATE_HASH_MISMATCH', path: 'contentHash', details: { expected: before, actual: contentHash(exported) } });
  });

  it('accepts a template without a hash', () => {
    expect(checkContentHash(smallTemplate())).toEqual([]);
  });

  it('hashes one definition independently of key order', () => {
    expect(definitionHash({ a: 1, b: [1, 2] })).toBe(definitionHash({ b: [1, 2], a: 1 }));
    expect(definitionHash({ a: 1, b: [1, 2] })).not.toBe(definitionHash({ a: 1, b: [2, 1] }));
  });
});
