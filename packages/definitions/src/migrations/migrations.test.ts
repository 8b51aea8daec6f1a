import { describe, expect, it } from 'vitest';
import { loadAppTemplate, supportedVersions, validateDefinition } from '../index.js';
import { fullTemplate, templateV1, templateV1AsV2 } from '../fixtures/app-template.js';
import { appTemplate1To2 } from './app-template-1-to-2.js';
import { program1To2 } from './program-1-to-2.js';
import { mapAt } from './map-at.js';
import { migrationPath, type JsonObject, type Migration } from './index.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('app-template 1 → 2', () => {
  it('loads a prototype template as the bilingual template its author would write', () => {
    expect(loadAppTemplate(templateV1)).toEqual({ ok: true, value: templateV1AsV2 });
    expect(validateDefinition('app-template', templateV1AsV2).ok).toBe(true);
  });

  it('is a pure function: the input is not changed and the output shares nothing with it', () => {
    const input = deepFreeze(structuredClone(templateV1));
    const output = appTemplate1To2.migrate(input);
    expect(input).toEqual(templateV1);
    // the embedded program is still in its own first format: loading migrates it next
    const programs = output.programs as JsonObject[];
    expect(output).toEqual({ ...templateV1AsV2, programs });
    expect(programs.map((p) => program1To2.migrate(p))).toEqual(templateV1AsV2.programs);
    const again = structuredClone(output);
    (output.app as { id: string }).id = 'changed';
    expect(input.app.id).toBe('prm');
    expect(appTemplate1To2.migrate(input)).toEqual(again);
  });

  it('reports problems of a prototype template at their place in what was written', () => {
    const broken = structuredClone(templateV1) as { entities: { fields: Record<string, { label: unknown }> }[] };
    broken.entities[0]!.fields.name!.label = { en: 'already bilingual' };
    const result = loadAppTemplate(broken);
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ code: 'SCHEMA_TYPE', path: 'entities.0.fields.name.label' })],
    });
  });

  it('leaves a current template as it is', () => {
    expect(loadAppTemplate(fullTemplate)).toEqual({ ok: true, value: fullTemplate });
  });
});

describe('unsupported format versions', () => {
  it.each([3, 0, -1, 1.5, 99])('refuse formatVersion %s with a clear problem', (formatVersion) => {
    expect(loadAppTemplate({ ...fullTemplate, formatVersion })).toEqual({
      ok: false,
      problems: [
        {
          code: 'DEF_UNSUPPORTED_VERSION',
          path: 'formatVersion',
          message: {
            en: `This app-template has formatVersion ${formatVersion}, which this version of Trellis cannot read; supported: 1, 2.`,
            'zh-CN': `该 app-template 的 formatVersion 为 ${formatVersion}，当前版本的 Trellis 无法读取；支持的版本：1, 2。`,
          },
          details: { kind: 'app-template', formatVersion, supported: [1, 2] },
        },
      ],
    });
  });

  it('refuse a kind that has no older version', () => {
    expect(supportedVersions('entity')).toEqual([1]);
    const result = validateDefinition('entity', { kind: 'entity', formatVersion: 2 });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['DEF_UNSUPPORTED_VERSION']);
  });

  it('leave a missing or non-numeric version to the schema', () => {
    const { formatVersion: _v, ...noVersion } = fullTemplate;
    for (const [doc, code] of [
      [noVersion, 'SCHEMA_REQUIRED'],
      [{ ...fullTemplate, formatVersion: '2' }, 'SCHEMA_CONST'],
    ] as const) {
      const result = loadAppTemplate(doc);
      expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path])).toEqual([[code, 'formatVersion']]);
    }
  });
});

describe('migration registry', () => {
  const step = (from: number, to: number): Migration => ({ kind: 'rule', from, to, migrate: (doc) => ({ ...doc }) });

  it('chains explicit steps in order and finds no way where a step is missing', () => {
    const steps = [step(2, 3), step(1, 2), step(3, 4)];
    expect(migrationPath('rule', 1, 4, steps)?.map((s) => s.from)).toEqual([1, 2, 3]);
    expect(migrationPath('rule', 3, 3, steps)).toEqual([]);
    expect(migrationPath('rule', 0, 4, steps)).toBeUndefined();
    expect(migrationPath('rule', 5, 4, steps)).toBeUndefined();
    expect(migrationPath('entity', 1, 4, steps)).toBeUndefined();
  });
});

describe('mapAt', () => {
  it('replaces values at every matching place and ignores places that do not exist', () => {
    const doc = { a: [{ b: 1 }, { c: 2 }, 3], m: { x: { b: 4 }, y: { b: 5 } } };
    mapAt(doc, 'a.*.b', (v) => Number(v) * 10);
    mapAt(doc, 'm.*.b', (v) => Number(v) + 1);
    mapAt(doc, 'missing.*.b', () => 0);
    expect(doc).toEqual({ a: [{ b: 10 }, { c: 2 }, 3], m: { x: { b: 5 }, y: { b: 6 } } });
  });
});
