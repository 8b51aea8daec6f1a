/**
 * Rules per second on the PRM template's tiered rebate rule and its eligibility rule, for the
 * untouched json-logic-js library, the compiled evaluator and a hand-written JS function, in one run.
 * Ratios are against the hand-written function, measured alongside.
 */
import { compileDecisionTable, compileRule, customOperators, measureRule, type Rule } from '@trellis/rules';
import { loadPristineJsonLogic } from '@trellis/rules/testing';
import { loadPrmTemplate, ruleOf } from '@trellis/seed';
import { opsPerSecond } from './lib/measure.js';
import { report, type ResultRow } from './lib/results.js';

interface Case<I> {
  readonly name: string;
  readonly rule: Rule;
  readonly inputs: readonly I[];
  readonly handWritten: (input: I) => unknown;
}

/** Deterministic spread of attainments from 0 to 150 %, crossing every band boundary. */
function attainments(count: number): { attainment: number }[] {
  return Array.from({ length: count }, (_, i) => ({ attainment: Math.round(((i * 7919) % 1500) / 10) / 100 }));
}

function handWrittenRate({ attainment: a }: { attainment: number }): number {
  if (a < 0.8) return 0;
  if (a < 0.9) return 0.02;
  if (a < 1) return 0.03;
  if (a <= 1.2) return 0.05;
  return 0.08;
}

interface EligibilityInput {
  status: string;
  tierMetal: string;
  kind: string;
  region: string;
  excludedRegions?: string[];
  certifications?: unknown[];
  warnings?: { card: string }[];
  joinedOn: string;
  periodEnd: string;
}

const ELIGIBLE_TIERS = ['diamond', 'gold', 'silver'];
const ELIGIBLE_KINDS = ['distributor', 'retailer', 'independent_rep'];

function handWrittenEligibility(p: EligibilityInput): boolean {
  return (
    p.status === 'active' &&
    ELIGIBLE_TIERS.includes(p.tierMetal) &&
    ELIGIBLE_KINDS.includes(p.kind) &&
    !(p.excludedRegions ?? []).includes(p.region) &&
    (p.certifications ?? []).length >= 1 &&
    !(p.warnings ?? []).some((w) => w.card === 'red') &&
    p.joinedOn < p.periodEnd // ISO dates compare as strings
  );
}

function ratio(a: number, b: number): number {
  return Math.round((a / b) * 100) / 100;
}

async function measureCase<I>(bench: string, c: Case<I>, rows: ResultRow[]): Promise<void> {
  const pristine = loadPristineJsonLogic();
  // The library knows only core operators; give it ours, as a user of the library would.
  for (const [name, op] of Object.entries(customOperators)) pristine.add_operation(name, op);
  const compiled = compileRule(c.rule);
  // Every subject must agree before its speed means anything.
  for (const input of c.inputs) {
    const expected = JSON.stringify(c.handWritten(input));
    for (const [subject, value] of [['json-logic-js', pristine.apply(c.rule, input)], ['compiled', compiled(input)]] as const) {
      if (JSON.stringify(value) !== expected) {
        throw new Error(`${c.name}: ${subject} gave ${JSON.stringify(value)}, hand-written ${expected} for ${JSON.stringify(input)}`);
      }
    }
  }
  const ops = await opsPerSecond<I>(
    {
      'json-logic-js': (input) => pristine.apply(c.rule, input),
      compiled: (input) => compiled(input),
      'hand-written': (input) => c.handWritten(input),
    },
    c.inputs,
  );
  const base = ops['hand-written'] as number;
  const nodes = measureRule(c.rule, 1000).nodes;
  for (const subject of ['json-logic-js', 'compiled', 'hand-written'] as const) {
    const value = ops[subject] as number;
    rows.push({ benchmark: `${bench}: ${c.name} (${nodes} nodes)`, subject, value: Math.round(value), unit: 'rules/s' });
  }
  for (const subject of ['json-logic-js', 'compiled'] as const) {
    rows.push({ benchmark: `${bench}: ${c.name}`, subject: `${subject} vs hand-written`, value: ratio(base, ops[subject] as number), unit: '× slower' });
  }
}

export async function run(): Promise<void> {
  const app = loadPrmTemplate();
  const rate = ruleOf(app, 'attainment_rebate_rate');
  const eligibility = ruleOf(app, 'partner_eligibility');
  if (rate.table === undefined || eligibility.logic === undefined) throw new Error('the PRM template changed shape');
  // The template's own test cases, minus those that expect an error (a missing date).
  const eligibilityInputs = (eligibility.tests ?? [])
    .filter((t) => typeof t.expect === 'boolean')
    .map((t) => t.data as unknown as EligibilityInput);
  const rows: ResultRow[] = [];
  await measureCase('tiered rebate rule', {
    name: 'attainment_rebate_rate',
    rule: compileDecisionTable(rate.table),
    inputs: attainments(1000),
    handWritten: handWrittenRate,
  }, rows);
  await measureCase('eligibility rule', {
    name: 'partner_eligibility',
    rule: eligibility.logic as Rule,
    inputs: eligibilityInputs,
    handWritten: handWrittenEligibility,
  }, rows);
  report('rules', rows);
}
