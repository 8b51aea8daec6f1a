import { loadPrmTemplate } from '@trellis/seed/template';
import type { Storage } from '@trellis/storage';
import { importTemplate } from './import-template.js';

export interface SeedAppOptions {
  /** generate sample records: how many partner organisations, and the date they are relative to */
  readonly sample?: { readonly partners: number; readonly referenceDate: string };
  readonly actor?: string;
}

export type SeedAppOutcome =
  | { readonly imported: false; readonly appId: string }
  | { readonly imported: true; readonly appId: string; readonly version: string; readonly records: number };

/**
 * Imports the seed's app template (with generated sample records when asked), once: when the app is
 * already stored it is left as it is, so starting again on the same data does not double records.
 * `trellis start` and the live test servers share it.
 */
export async function importSeedAppOnce(storage: Storage, options: SeedAppOptions = {}): Promise<SeedAppOutcome> {
  const template = loadPrmTemplate();
  const appId = template.app.id;
  if ((await storage.read.apps.get(appId)) !== null) return { imported: false, appId };
  // the generator (faker and its locales, ~17 MiB of heap) is loaded only when sample data is asked for
  const sampleData = options.sample === undefined ? undefined : (await import('@trellis/seed')).generateSampleData(options.sample);
  const report = await importTemplate(storage, template, { actor: options.actor ?? 'system', ...(sampleData === undefined ? {} : { sampleData }) });
  const records = Object.values(report.records).reduce((sum, n) => sum + n, 0);
  return { imported: true, appId, version: template.app.version, records };
}
