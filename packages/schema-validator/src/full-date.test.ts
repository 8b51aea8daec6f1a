import { describe, expect, it } from 'vitest';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { Ajv2020, type FormatDefinition } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createSchemaValidator, keywordCode } from './index.js';
import { dateFormat, isFullDate } from './full-date.js';

const reference = (fullFormats.date as FormatDefinition<string>).validate as (text: string) => boolean;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Every month 00–13 and day 00–32 of years around the leap-year rules, plus odd years. */
function calendarCandidates(): string[] {
  const out: string[] = [];
  for (const year of [0, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9999]) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) out.push(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
    }
  }
  return out;
}

/** Each character of a valid date replaced by look-alikes: other ASCII, full-width and Arabic-Indic digits. */
function malformedCandidates(): string[] {
  const base = '2024-02-29';
  const swaps = ['0', '9', '-', '/', ' ', 'a', 'T', '０', '٣', '\n', ''];
  const out: string[] = ['', '2024-2-29', '2024-02-29 ', ' 2024-02-29', '2024-02-29\n', '2024-02-29T00:00', '+2024-02-29', '20240229', '2024-02-290'];
  for (let i = 0; i < base.length; i++) {
    for (const swap of swaps) out.push(base.slice(0, i) + swap + base.slice(i + 1));
  }
  return out;
}

describe('isFullDate', () => {
  it('gives the answer of ajv-formats full `date` on every candidate', () => {
    const candidates = [...calendarCandidates(), ...malformedCandidates()];
    const differing = candidates.filter((text) => isFullDate(text) !== reference(text));
    expect(differing).toEqual([]);
    // the candidates exercise both answers
    expect(candidates.filter(isFullDate).length).toBeGreaterThan(3000);
    expect(candidates.filter((text) => !isFullDate(text)).length).toBeGreaterThan(1000);
  });

  it('knows leap years', () => {
    expect(['2024-02-29', '2000-02-29', '2023-02-28'].map(isFullDate)).toEqual([true, true, true]);
    expect(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10'].map(isFullDate)).toEqual([
      false, false, false, false, false,
    ]);
  });

  it('keeps ajv-formats comparison of dates: formatMinimum gives the same errors as with its own `date`', () => {
    expect(dateFormat.compare).toBe((fullFormats.date as FormatDefinition<string>).compare);
    const schema = { type: 'string', format: 'date', formatMinimum: '2024-01-01' };
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const plain = ajv.compile(schema);
    const ours = createSchemaValidator().compile(schema);
    for (const value of ['2024-06-30', '2024-01-01', '2023-12-31', '2023-02-29', 'soon']) {
      plain(value);
      const expected = (plain.errors ?? []).map((e) => keywordCode(e.keyword));
      expect(ours(value).map((p) => p.code)).toEqual(expected);
    }
    expect(ours('2023-12-31').map((p) => p.code)).toEqual(['SCHEMA_FORMAT_MINIMUM']);
  });
});
