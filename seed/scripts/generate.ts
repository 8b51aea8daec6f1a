/**
 * Writes deterministic PRM sample data as one JSON object {entity: [records…]}.
 * Usage: tsx seed/scripts/generate.ts --partners 50 [--seed 1] [--reference-date 2026-01-15] --out FILE
 * Records are streamed to the file entity by entity, so 100,000 partners fit in little memory
 * (each entity is a pass over the partners; the same seed regenerates the same partners).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { SAMPLE_ENTITIES, generateRecords } from '../generate.js';

const { values } = parseArgs({
  options: {
    partners: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    'reference-date': { type: 'string', default: '2026-01-15' },
    out: { type: 'string' },
  },
});
if (values.out === undefined) {
  console.error('usage: generate.ts --partners N [--seed S] [--reference-date YYYY-MM-DD] --out FILE');
  process.exit(2);
}
const options = { partners: Number(values.partners), seed: Number(values.seed), referenceDate: values['reference-date'] };

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

const stream = createWriteStream(values.out);
await write(stream, '{');
for (const [e, entity] of SAMPLE_ENTITIES.entries()) {
  await write(stream, `${e === 0 ? '' : ','}\n  ${JSON.stringify(entity)}: [`);
  let first = true;
  for (const record of generateRecords(entity, options)) {
    await write(stream, `${first ? '' : ','}\n    ${JSON.stringify(record)}`);
    first = false;
  }
  await write(stream, first ? ']' : '\n  ]');
}
await write(stream, '\n}\n');
stream.end();
await once(stream, 'finish');
