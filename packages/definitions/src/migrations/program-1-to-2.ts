/**
 * program 1 → 2. Version 1 had one payout `formula` over declared `inputs` (metric values and
 * subject fields, both at the top of the data) and left implicit how records are tied to the
 * subject and to a period. Version 2 states those links and reads the subject as `$subject`:
 *
 * - `formula` becomes the single line `{"id": "payout", "label": <the program's label>, "amount": …}`;
 * - rules read subject fields as `$subject.<field>`: every path of `eligibility`, and every path
 *   of `formula` that is not a metric id; metric `filter`s read the metric's records, as before;
 * - `inputs` goes (version 2 knows metric values from `metrics` and subject fields from the entity);
 * - the implicit links become the conventions below, explicit in the result, so the template and
 *   save checks report any that does not fit the app's entities at its place;
 * - `caps.perPartner` is `caps.perSubject`; `proration` "none" is no proration, "days_active"
 *   prorates between the subject's `activeFrom` and `activeTo` dates.
 */
import type { JsonObject, Migration } from './migration.js';
import { renameVars } from './rule-vars.js';

/** The links version 1 left implicit, as version 2 states them. */
export const PROGRAM_V1_CONVENTIONS = {
  /** the subject field metric records refer to */
  subjectKey: 'id',
  /** the metric record's field holding the subject's key: the subject entity's id + "Id" (partner → partnerId) */
  subjectField: (subjectEntity: string): string => `${subjectEntity}Id`,
  /** version 1 windows took "the records of a period": records name their period */
  time: { field: 'period', kind: 'period' },
  /** the subject's first and last active day, for "days_active" */
  proration: { from: 'activeFrom', to: 'activeTo' },
  lineId: 'payout',
} as const;

const onSubject = (path: string): string => (path === '' || path.startsWith('$') ? path : `$subject.${path}`);

function migrateMetric(metric: unknown, subjectEntity: string): unknown {
  const { id, label, entity, aggregate, field, filter, window } = metric as JsonObject;
  const conventions = PROGRAM_V1_CONVENTIONS;
  const out: JsonObject = {
    id,
    label,
    entity,
    subjectField: conventions.subjectField(subjectEntity),
    time: { ...conventions.time },
    aggregate,
  };
  if (field !== undefined) out.field = field;
  if (filter !== undefined) out.filter = structuredClone(filter);
  out.window = window;
  return out;
}

export const program1To2: Migration = {
  kind: 'program',
  from: 1,
  to: 2,
  migrate(doc) {
    const { inputs: _inputs, formula, caps, proration, metrics, eligibility, ...kept } = structuredClone(doc) as JsonObject;
    const subjectEntity = String(kept.subjectEntity);
    const metricList = Array.isArray(metrics) ? metrics : [];
    const metricIds = new Set(metricList.map((m) => (m as JsonObject).id));
    const fromFormula = (path: string): string => (metricIds.has(path.split('.')[0]) ? path : onSubject(path));
    const out: JsonObject = {
      ...kept,
      formatVersion: 2,
      subjectKey: PROGRAM_V1_CONVENTIONS.subjectKey,
      eligibility: renameVars(eligibility, onSubject),
      metrics: metricList.map((m) => migrateMetric(m, subjectEntity)),
      lines: [{ id: PROGRAM_V1_CONVENTIONS.lineId, label: kept.label, amount: renameVars(formula, fromFormula) }],
    };
    const { perPartner, perProgram } = (caps ?? {}) as JsonObject;
    if (caps !== undefined) {
      out.caps = {
        ...(perPartner === undefined ? {} : { perSubject: perPartner }),
        ...(perProgram === undefined ? {} : { perProgram }),
      };
    }
    if (proration === 'days_active') out.proration = { ...PROGRAM_V1_CONVENTIONS.proration };
    return out;
  },
};
