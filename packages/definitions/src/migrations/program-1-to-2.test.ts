import { describe, expect, it } from 'vitest';
import { loadAppTemplate, supportedVersions, validateDefinition } from '../index.js';
import { fullTemplate } from '../fixtures/app-template.js';
import { fullProgramV1, fullProgramV1AsV2, minimalProgramV1, minimalProgramV1AsV2 } from '../fixtures/program-v1.js';
import { fullProgram } from '../fixtures/program.js';
import { program1To2 } from './program-1-to-2.js';
import { renameVars } from './rule-vars.js';

describe('program 1 → 2', () => {
  it('loads a version 1 program as the equivalent version 2 program', () => {
    expect(validateDefinition('program', minimalProgramV1)).toEqual({ ok: true, value: minimalProgramV1AsV2 });
    expect(validateDefinition('program', fullProgramV1)).toEqual({ ok: true, value: fullProgramV1AsV2 });
    expect(supportedVersions('program')).toEqual([1, 2]);
  });

  it('does not change its input', () => {
    const input = structuredClone(fullProgramV1);
    const output = program1To2.migrate(input);
    expect(input).toEqual(fullProgramV1);
    (output.metrics as { filter?: unknown }[])[0]!.filter = null;
    expect(input.metrics[0]!.filter).toEqual({ '==': [{ var: 'productLine' }, 'core'] });
  });

  it('reports problems of a version 1 program at their place in what was written', () => {
    const { formula: _formula, ...noFormula } = fullProgramV1;
    const result = validateDefinition('program', { ...noFormula, proration: 'weekly' });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path])).toEqual([
      ['SCHEMA_REQUIRED', 'formula'],
      ['SCHEMA_ENUM', 'proration'],
    ]);
  });

  it('leaves a version 2 program as it is', () => {
    expect(validateDefinition('program', fullProgram)).toEqual({ ok: true, value: fullProgram });
  });
});

describe('definitions embedded in an app template', () => {
  it('migrate by their own formatVersion when the template is imported', () => {
    const template = { ...fullTemplate, programs: [fullProgramV1, fullProgram] };
    expect(loadAppTemplate(template)).toEqual({ ok: true, value: { ...fullTemplate, programs: [fullProgramV1AsV2, fullProgram] } });
  });

  it('report problems at the embedded definition', () => {
    const template = { ...fullTemplate, programs: [fullProgram, { ...fullProgramV1, proration: 'weekly' }, { ...fullProgram, formatVersion: 7 }] };
    const result = loadAppTemplate(template);
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path])).toEqual([
      ['SCHEMA_ENUM', 'programs.1.proration'],
      ['DEF_UNSUPPORTED_VERSION', 'programs.2.formatVersion'],
    ]);
  });
});

describe('renameVars', () => {
  const upper = (path: string) => path.toUpperCase();

  it('renames the paths of the rule data, not those of iterated items', () => {
    expect(renameVars({ and: [{ var: 'a' }, { var: ['b.c', 1] }, { map: [{ var: 'list' }, { var: 'x' }] }] }, upper)).toEqual({
      and: [{ var: 'A' }, { var: ['B.C', 1] }, { map: [{ var: 'LIST' }, { var: 'x' }] }],
    });
    expect(renameVars({ reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, { var: 'start' }] }, upper)).toEqual({
      reduce: [{ var: 'XS' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, { var: 'START' }],
    });
  });

  it('leaves computed paths and literals alone', () => {
    const computed = { var: { cat: ['a', 'b'] } };
    expect(renameVars(computed, upper)).toEqual(computed);
    expect(renameVars({ a: 1, b: 2 }, upper)).toEqual({ a: 1, b: 2 });
    expect(renameVars('text', upper)).toBe('text');
  });
});
