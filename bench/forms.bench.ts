/**
 * Form validations per second on the onboarding application: ajv alone on the record schema (the
 * baseline) against the whole form runtime (defaults, computed fields, visibility, conditional
 * required, cross-field validations, then the same schema), both on valid submissions.
 *
 * A second baseline shows what the runtime adds to its own schema check: ajv configured as the
 * runtime configures it (@trellis/schema-validator: plain-data reads, a faster `date` format with
 * the same answers). Plain ajv with ajv-formats is the slower of the two baselines.
 *
 * Fairness: every subject checks the same 200 documents (ajv the records the runtime stores from
 * those submissions, so both judge the same data), and the subjects run in turns (rounds with a
 * rotating order, after a warm-up), compared round by round: on a machine shared with other work
 * a change in load then falls on all of them alike. The ratios are medians over the rounds.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createFormRuntime, defaultFormDeps } from '@trellis/forms';
import { onboardingContext, onboardingDefinition, validOnboardingSubmission } from '@trellis/forms/testing';
import { median, medianRatio, opsPerSecondInRounds } from './lib/measure.js';
import { report } from './lib/results.js';

const ROUNDS = 21;

export function run(): Promise<void> {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const ajvValidate = ajv.compile(onboardingDefinition.schema);
  const runtime = createFormRuntime(onboardingDefinition);
  const runtimeSchemaCheck = defaultFormDeps().validator.compile(onboardingDefinition.schema);

  // ajv sees the record the runtime stores, so both check the same document.
  const first = runtime.process(validOnboardingSubmission(), onboardingContext);
  if (!first.ok) throw new Error(`the onboarding fixture is not valid: ${JSON.stringify(first.errors)}`);
  const stored = first.record;
  if (!ajvValidate(stored)) throw new Error(`ajv rejects the stored record: ${JSON.stringify(ajvValidate.errors)}`);
  if (runtimeSchemaCheck(stored).length > 0) throw new Error('the runtime\'s schema check rejects the stored record');

  const submissions = Array.from({ length: 200 }, () => validOnboardingSubmission());
  const records = Array.from({ length: 200 }, () => structuredClone(stored));
  const ops = opsPerSecondInRounds<number>(
    {
      'ajv alone': (i) => ajvValidate(records[i]),
      'ajv as the runtime configures it': (i) => runtimeSchemaCheck(records[i]),
      'form runtime': (i) => runtime.process(submissions[i], onboardingContext),
    },
    Array.from({ length: 200 }, (_, i) => i),
    { rounds: ROUNDS },
  );
  const ajvOps = ops['ajv alone'] as number[];
  const runtimeOps = ops['form runtime'] as number[];
  const configuredOps = ops['ajv as the runtime configures it'] as number[];
  const ratios = ajvOps.map((a, i) => a / (runtimeOps[i] as number));
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const benchmark = 'onboarding form, valid submission';
  report('forms', [
    { benchmark, subject: 'ajv alone', value: Math.round(median(ajvOps)), unit: 'validations/s' },
    { benchmark, subject: 'form runtime', value: Math.round(median(runtimeOps)), unit: 'validations/s' },
    { benchmark, subject: 'form runtime vs ajv alone', value: round2(medianRatio(ajvOps, runtimeOps)), unit: `× slower (median of ${ROUNDS} rounds)` },
    { benchmark, subject: 'form runtime vs ajv alone, fastest round', value: round2(Math.min(...ratios)), unit: '× slower' },
    { benchmark, subject: 'form runtime vs ajv alone, slowest round', value: round2(Math.max(...ratios)), unit: '× slower' },
    { benchmark, subject: 'ajv as the runtime configures it', value: Math.round(median(configuredOps)), unit: 'validations/s' },
    {
      benchmark,
      subject: 'form runtime vs ajv as the runtime configures it',
      value: round2(medianRatio(configuredOps, runtimeOps)),
      unit: `× slower (median of ${ROUNDS} rounds)`,
    },
  ]);
  return Promise.resolve();
}
