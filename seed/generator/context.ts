/** What generating one partner needs, built once per run. */
import type { AppTemplate } from '@trellis/definitions';
import { loadPrmTemplate } from '../template.js';
import { completedQuarters, type Quarter } from './calendar.js';
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from './options.js';
import { createRandom, type Random } from './random.js';
import { templateRule, type RuleFunction } from './template-rules.js';

/** Quarters of performance history per established partner. */
export const HISTORY_QUARTERS = 8;

export interface GeneratorContext {
  readonly app: AppTemplate;
  readonly options: ResolvedOptions;
  readonly random: Random;
  /** the completed quarters before the reference date, oldest first */
  readonly quarters: readonly Quarter[];
  /** the template's own rules, so tiers, cards and co-op shares follow whatever the template says */
  readonly rules: {
    readonly tierRating: RuleFunction;
    readonly redYellowCard: RuleFunction;
    readonly coopShare: RuleFunction;
  };
}

export function createContext(options: GenerateOptions): GeneratorContext {
  const app = loadPrmTemplate();
  const resolved = resolveOptions(options);
  return {
    app,
    options: resolved,
    random: createRandom(),
    quarters: completedQuarters(resolved.referenceDate, HISTORY_QUARTERS),
    rules: {
      tierRating: templateRule(app, 'tier_rating'),
      redYellowCard: templateRule(app, 'red_yellow_card'),
      coopShare: templateRule(app, 'coop_share_by_tier'),
    },
  };
}
