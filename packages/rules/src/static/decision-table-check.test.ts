import { describe, expect, it } from 'vitest';
import type { Problem } from '@trellis/errors';
import { checkDecisionTable } from './decision-table-check.js';
import type { DecisionTable, DecisionTableRow } from './decision-table-types.js';
import { attainmentTable, range } from './test-fixtures.js';

const withRows = (rows: DecisionTableRow[], hitPolicy: DecisionTable['hitPolicy'] = 'first'): DecisionTable =>
  ({ ...attainmentTable(), rows, hitPolicy });
const brief = (problems: Problem[]) => problems.map((p) => [p.code, p.path, p.details?.severity ?? 'error']);

describe('checkDecisionTable: errors', () => {
  it('accepts the attainment table without errors or warnings', () => {
    expect(checkDecisionTable(attainmentTable())).toEqual([]);
  });

  it('reports rows whose cells do not match the inputs, then the outputs, and a default of the wrong size', () => {
    const table = { ...withRows([{ when: [], then: [0] }, { when: ['-'], then: [0, 1] }, { when: ['-', '-'], then: [] }]), default: [0, 0] };
    const problems = checkDecisionTable(table);
    expect(brief(problems)).toEqual([
      ['DT_ARITY', '/default', 'error'],
      ['DT_ARITY', '/rows/0/when', 'error'],
      ['DT_ARITY', '/rows/1/then', 'error'],
      ['DT_ARITY', '/rows/2/when', 'error'],
      ['DT_ARITY', '/rows/2/then', 'error'],
    ]);
    expect(problems[1]?.message).toEqual({
      en: 'Row 1 has 0 condition(s) but the table has 1 input(s)', 'zh-CN': '第 1 行有 0 个条件，但决策表有 1 个输入',
    });
    expect(problems[2]?.message.en).toBe('Row 2 has 2 output value(s) but the table has 1 output(s)');
  });

  it('reports duplicate ids and unusable cells', () => {
    const table: DecisionTable = {
      ...attainmentTable(),
      outputs: [{ id: 'rate', label: { en: 'rate', 'zh-CN': '比例' } }, { id: 'rate', label: { en: 'rate', 'zh-CN': '比例' } }],
      rows: [
        { when: [range(1, 0.5, true, true)], then: [1, 2] },
        { when: [range(1, 1, true, false)], then: [1, 2] },
        { when: [range(undefined, undefined, true, true)], then: [1, 2] },
        { when: [range(1, undefined, true, true)], then: [1, 2] },
        { when: [{ op: 'between', min: 1, max: '2', minInclusive: true, maxInclusive: true }], then: [1, 2] },
        { when: [{ op: 'in', values: [] }], then: [1, 2] },
        { when: [{ op: 'like', value: 'a%' } as never], then: [1, 2] },
      ],
    };
    const problems = checkDecisionTable(table);
    expect(brief(problems)).toEqual([
      ['DT_DUPLICATE_ID', '/outputs/1/id', 'error'],
      ['DT_BAD_CELL', '/rows/0/when/0', 'error'],
      ['DT_BAD_CELL', '/rows/1/when/0', 'error'],
      ['DT_BAD_CELL', '/rows/2/when/0', 'error'],
      ['DT_BAD_CELL', '/rows/4/when/0', 'error'],
      ['DT_BAD_CELL', '/rows/5/when/0', 'error'],
      ['DT_BAD_CELL', '/rows/6/when/0', 'error'],
    ]);
    expect(problems[1]?.message).toEqual({
      en: 'Row 1, attainment: the range is empty: no value lies between its bounds',
      'zh-CN': '第 1 行，达成率：区间为空：没有任何值位于边界之间',
    });
  });
});

describe('checkDecisionTable: overlap warnings', () => {
  it('names the shared value and both rows when numeric ranges overlap', () => {
    const rows = attainmentTable().rows.map((row, i) => (i === 2 ? { ...row, when: [range(0.9, 1, true, true)] } : row));
    const problems = checkDecisionTable(withRows(rows));
    expect(problems).toEqual([{
      code: 'DT_OVERLAP',
      path: '/rows/3',
      message: {
        en: 'attainment = 1 matches rows 3 and 4 (hit policy "first": row 3 wins)',
        'zh-CN': '达成率 = 1同时匹配第 3 行和第 4 行（命中策略 "first"：取第 3 行）',
      },
      details: { severity: 'warning', rows: [3, 4], values: { attainment: 1 } },
    }]);
  });

  it('reports every overlapping pair, and says collect gathers both', () => {
    const rows = [{ when: [range(0, 10, true, true)], then: [1] }, { when: [range(5, 20, false, true)], then: [2] }, { when: ['-' as const], then: [3] }];
    const problems = checkDecisionTable(withRows(rows, 'collect'));
    expect(problems.map((p) => [p.details?.rows, p.details?.values])).toEqual([
      [[1, 2], { attainment: 10 }], [[1, 3], { attainment: 0 }], [[2, 3], { attainment: 20 }],
    ]);
    expect(problems[0]?.message.en).toBe('attainment = 10 matches rows 1 and 2 (hit policy "collect": both are collected)');
  });

  it('needs every input to overlap when there are several', () => {
    const table: DecisionTable = {
      ...attainmentTable(),
      inputs: [...attainmentTable().inputs, { id: 'region', label: { en: 'region', 'zh-CN': '区域' }, expr: { var: 'region' } }],
      rows: [
        { when: [range(0, 1, true, true), { op: 'in', values: ['east', 'west'] }], then: [1] },
        { when: [range(0.5, 2, true, true), { op: '==', value: 'north' }], then: [2] },
        { when: [{ op: '>=', value: 0.8 }, { op: 'not_in', values: ['east'] }], then: [3] },
        { when: [{ op: '<', value: 0 }, '-'], then: [4] },
      ],
    };
    const problems = checkDecisionTable(table);
    expect(problems.map((p) => [p.code, p.details?.rows, p.details?.values])).toEqual([
      ['DT_OVERLAP', [1, 3], { attainment: 0.8, region: 'west' }],
      ['DT_OVERLAP', [2, 3], { attainment: 0.8, region: 'north' }],
    ]);
    expect(problems[0]?.message.en).toBe('attainment = 0.8 and region = "west" matches rows 1 and 3 (hit policy "first": row 1 wins)');
    expect(problems[0]?.message['zh-CN']).toBe('达成率 = 0.8 且 区域 = "west"同时匹配第 1 行和第 3 行（命中策略 "first"：取第 1 行）');
  });

  it('stays silent where it cannot tell, such as text ranges', () => {
    const rows = [{ when: [range('2026-01-01', '2026-06-30', true, true)], then: [1] }, { when: [range('2026-03-01', '2026-12-31', true, true)], then: [2] }];
    expect(checkDecisionTable(withRows(rows))).toEqual([]);
  });
});

describe('checkDecisionTable: gap warnings', () => {
  it('names the uncovered range, an example value and the rows around it', () => {
    const rows = attainmentTable().rows.filter((_, i) => i !== 2);
    const problems = checkDecisionTable(withRows(rows));
    expect(problems).toEqual([{
      code: 'DT_GAP',
      path: '/rows/2/when/0',
      message: {
        en: 'No row matches attainment in [0.9, 1) (for example 0.95), between rows 2 and 3',
        'zh-CN': '没有任何行匹配达成率在 [0.9, 1) 内的值（例如 0.95），位于第 2 行与第 3 行之间',
      },
      details: { severity: 'warning', input: 'attainment', range: '[0.9, 1)', example: 0.95, rows: [2, 3] },
    }]);
  });

  it('finds a single missing boundary value, whatever the row order', () => {
    const rows = [{ when: [{ op: '>' as const, value: 0.8 }], then: [1] }, { when: [{ op: '<' as const, value: 0.8 }], then: [0] }];
    const [problem] = checkDecisionTable(withRows(rows));
    expect(problem?.details).toEqual({ severity: 'warning', input: 'attainment', range: '[0.8, 0.8]', example: 0.8, rows: [2, 1] });
  });

  it('ignores inputs with catch-all or non-numeric cells, and whatever lies outside all rows', () => {
    expect(checkDecisionTable(withRows([{ when: [range(0, 1, true, true)], then: [1] }, { when: [range(2, 3, true, true)], then: [1] }, { when: ['-'], then: [0] }])))
      .toEqual(expect.not.arrayContaining([expect.objectContaining({ code: 'DT_GAP' })]));
    expect(checkDecisionTable(withRows([{ when: [range(0, 1, true, false)], then: [1] }, { when: [range(1, 3, true, true)], then: [1] }]))).toEqual([]);
    expect(checkDecisionTable(withRows([{ when: [{ op: 'in', values: ['a'] }], then: [1] }, { when: [{ op: '==', value: 'b' }], then: [1] }]))).toEqual([]);
  });
});
