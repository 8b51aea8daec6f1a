import { describe, expect, it } from 'vitest';
import { statementCsv } from './statement-csv.js';

describe('statement download', () => {
  it('writes a UTF-8 CSV with a header and quoted cells where needed', () => {
    const csv = statementCsv(['项目', '明细', '计算', '金额', '币种'], [
      { program: '季度增长返点', line: 'rebate', formula: '1,000,000.00 × 3%', amount: '30000.00', currency: 'CNY' },
    ]);
    expect(csv).toBe('\uFEFF项目,明细,计算,金额,币种\r\n季度增长返点,rebate,"1,000,000.00 × 3%",30000.00,CNY\r\n');
  });
});
