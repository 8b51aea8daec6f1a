/**
 * An established partner's history over the completed quarters: an attainment per quarter spread
 * over 60%–140% (so every rebate band occurs, boundaries included), red/yellow cards as the
 * template's `red_yellow_card` rule hands them out, and scorecards rated by its `tier_rating`.
 */
import type { FormRecord } from '@trellis/forms';
import { addDays, minDay, type Quarter } from './calendar.js';
import { SEASONALITY } from './catalog.js';
import type { GeneratorContext } from './context.js';
import type { Identity } from './identity.js';
import { chance, decimal, int, pick, reseed, type Random } from './random.js';
import { textOutput } from './template-rules.js';

export interface QuarterResult {
  readonly quarter: Quarter;
  readonly target: number;
  readonly attainment: number;
}

export interface Growth {
  /** the quarters the partner worked, oldest first (a terminated partner's stop at its red card) */
  readonly results: readonly QuarterResult[];
  readonly warnings: FormRecord[];
  readonly scorecards: FormRecord[];
  readonly tierHistory: FormRecord[];
  readonly tierAbc: string;
  readonly tierMetal: string;
  readonly status: 'active' | 'warned' | 'terminated';
  readonly terminatedOn?: string;
}

/** Scorecards kept on the partner record (the most recent quarters). */
const SCORECARD_QUARTERS = 4;
/** Days a termination review takes after a red card. */
const TERMINATION_REVIEW_DAYS = 60;
/** Attainments that sit exactly on a rebate boundary, to show which side is inclusive. */
const BOUNDARIES = [0.8, 0.9, 1, 1.2];

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

function periodOf(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

function results(ctx: GeneratorContext, random: Random, baseTarget: number): QuarterResult[] {
  const yearlyGrowth = decimal(random, 0.03, 0.15, 3);
  const strength = decimal(random, 0.92, 1.3, 4);
  return ctx.quarters.map((quarter, i) => ({
    quarter,
    target: Math.max(1000, Math.round((baseTarget * (1 + yearlyGrowth) ** (i / 4) * (SEASONALITY[quarter.quarter - 1] ?? 1)) / 1000) * 1000),
    attainment: chance(random, 0.06) ? pick(random, BOUNDARIES) : clamp(round(strength + decimal(random, -0.2, 0.2, 4), 4), 0.6, 1.4),
  }));
}

function scorecard(random: Random, q: Quarter, attainment: number, baseline: readonly number[]): FormRecord {
  const [coverage, technical, service, brand] = baseline.map((b) => clamp(b + int(random, -6, 6), 0, 100));
  return { period: periodOf(q), sales: clamp(Math.round(attainment * 80), 0, 100), coverage, technical, service, brand };
}

export function simulateGrowth(ctx: GeneratorContext, identity: Identity, joinedOn: string): Growth {
  const { rules } = ctx;
  const { referenceDate, seed } = ctx.options;
  const random = reseed(ctx.random, seed, identity.index, 'growth');
  const all = results(ctx, random, identity.baseTarget);
  // coverage, technical, service and brand move together around the partner's overall quality
  const quality = int(random, 50, 97);
  const baseline = Array.from({ length: 4 }, () => quality + int(random, -8, 8));

  const worked: QuarterResult[] = [];
  const warnings: FormRecord[] = [];
  let card = 'none';
  let status: Growth['status'] = 'active';
  let terminatedOn: string | undefined;
  for (const result of all) {
    const previous = worked.at(-1);
    worked.push(result);
    const next = String(rules.redYellowCard({
      currentCard: card,
      previousAttainment: previous?.attainment ?? null,
      currentAttainment: result.attainment,
    }));
    const issuedOn = minDay(addDays(result.quarter.end, 7), referenceDate);
    if (next !== card && next !== 'none') {
      const reason = next === 'yellow'
        ? `${periodOf((previous ?? result).quarter)}、${periodOf(result.quarter)} 连续两个季度未达标`
        : `黄牌后 ${periodOf(result.quarter)} 仍未达标，启动终止审查`;
      warnings.push({ card: next, issuedOn, reason });
    }
    card = next;
    if (card === 'red') {
      const reviewed = addDays(issuedOn, TERMINATION_REVIEW_DAYS);
      status = reviewed <= referenceDate ? 'terminated' : 'warned';
      if (status === 'terminated') terminatedOn = reviewed;
      break;
    }
    status = card === 'yellow' ? 'warned' : 'active';
  }

  const rated = worked.slice(-SCORECARD_QUARTERS);
  const scorecards = rated.map((r) => scorecard(random, r.quarter, r.attainment, baseline));
  const tierHistory: FormRecord[] = [{ date: joinedOn, to: 'bronze', reason: '签约定级' }];
  let tierAbc = 'C';
  let tierMetal = 'bronze';
  rated.forEach((r, i) => {
    const rating = rules.tierRating(scorecards[i]);
    const metal = textOutput(rating, 'tier_metal');
    if (metal !== tierMetal) {
      tierHistory.push({ date: minDay(addDays(r.quarter.end, 10), referenceDate), from: tierMetal, to: metal, reason: `${periodOf(r.quarter)} 评分卡复评` });
    }
    tierAbc = textOutput(rating, 'tier_abc');
    tierMetal = metal;
  });

  return { results: worked, warnings, scorecards, tierHistory, tierAbc, tierMetal, status, ...(terminatedOn === undefined ? {} : { terminatedOn }) };
}
