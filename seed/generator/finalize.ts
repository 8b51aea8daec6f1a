/**
 * Every generated record goes through the template's own form runtime, exactly as a submission
 * would: computed fields are filled in, fields the template hides are dropped (so the generator
 * need not restate which documents each partner kind files), and a record the template would
 * reject stops generation with the template's own error messages.
 */
import type { AppTemplate } from '@trellis/definitions';
import { createFormRuntime, type FormRecord, type FormRuntime } from '@trellis/forms';
import { entityOf } from '../template.js';

export type Finalize = (record: FormRecord) => FormRecord;

export function finalizer(app: AppTemplate, entityId: string, referenceDate: string): Finalize {
  const runtime: FormRuntime = createFormRuntime(entityOf(app, entityId));
  const context = { now: `${referenceDate}T00:00:00Z` };
  return (record) => {
    const result = runtime.process(record, context);
    if (result.ok) return result.record;
    const problems = result.errors.map((p) => `${p.path}: ${p.code} ${p.message.en}`).join('; ');
    throw new Error(`generated ${entityId} record is invalid: ${problems}\n${JSON.stringify(record)}`);
  };
}
