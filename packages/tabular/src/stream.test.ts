import { describe, expect, it } from 'vitest';
import type { Readable } from 'node:stream';
import type { Result } from '@trellis/errors';
import { entityColumns } from './columns.js';
import { toCsv } from './csv.js';
import { LABELS, RECORDS, SCHEMA } from './fixtures.js';
import { csvStream, xlsxStream } from './stream.js';
import type { JsonObject, ParsedTable } from './types.js';
import { parseXlsx, toXlsx } from './xlsx.js';

const columns = entityColumns({ schema: SCHEMA, fields: LABELS });

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** The rows in pages of `size`, counting how many pages were taken. */
function paged(rows: readonly JsonObject[], size: number) {
  const state = { taken: 0 };
  async function* pages() {
    for (let i = 0; i < rows.length; i += size) {
      state.taken += 1;
      yield rows.slice(i, i + size);
    }
  }
  return { pages: pages(), state };
}

async function bytesOf(stream: Readable): Promise<Uint8Array> {
  return new Uint8Array(Buffer.concat(await stream.toArray() as Buffer[]));
}

const MANY: JsonObject[] = Array.from({ length: 30 }, (_, i) => ({ ...(RECORDS[i % RECORDS.length] as JsonObject), name: `=row ${i}` }));

describe('streaming CSV', () => {
  it('is byte for byte the file toCsv makes, whatever the page size', async () => {
    for (const size of [1, 7, 100]) {
      expect(await bytesOf(csvStream(columns, paged(MANY, size).pages, 'zh-CN'))).toEqual(toCsv(columns, MANY, 'zh-CN'));
    }
    expect(await bytesOf(csvStream(columns, paged([], 5).pages, 'en'))).toEqual(toCsv(columns, [], 'en'));
  });

  it('takes the next page only when the reader asks for more', async () => {
    const { pages, state } = paged(MANY, 1);
    const stream = csvStream(columns, pages, 'en');
    const chunks = stream[Symbol.asyncIterator]();
    await chunks.next(); // the header
    await chunks.next(); // the first page
    expect(state.taken).toBeLessThan(MANY.length);
    stream.destroy();
  });
});

describe('streaming XLSX', () => {
  it('holds the rows toXlsx writes, formulas neutralised', async () => {
    const streamed: ParsedTable = value(await parseXlsx(await bytesOf(xlsxStream(columns, paged(MANY, 4).pages, 'en', { sheetName: 'a/b' }))));
    const whole: ParsedTable = value(await parseXlsx(await toXlsx(columns, MANY, 'en')));
    expect(streamed).toEqual(whole);
    expect(streamed.rows.map((r) => r.Name)).toEqual(MANY.map((r) => `'${String(r.name)}`));
  });
});
