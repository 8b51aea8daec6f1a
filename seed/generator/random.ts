/**
 * Seeded randomness: one @faker-js/faker instance (zh_CN names, companies and addresses, English as
 * fallback), re-seeded from (seed, partner index, stream) before each part of a partner. A part
 * thus depends only on the seed, the partner and the part: streaming, partial runs and runs that
 * skip entities all give the same records.
 */
import { Faker, base, en, zh_CN } from '@faker-js/faker';

export type Random = Faker;

/** One independent random stream per part of a partner. */
export const STREAMS = { identity: 0, growth: 1, performance: 2, profile: 3, application: 4, mdf: 5 } as const;
export type Stream = keyof typeof STREAMS;

export function createRandom(): Random {
  return new Faker({ locale: [zh_CN, en, base] });
}

export function reseed(random: Random, seed: number, index: number, stream: Stream): Random {
  random.seed([seed, index, STREAMS[stream]]);
  return random;
}

export function int(random: Random, min: number, max: number): number {
  return random.number.int({ min, max });
}

/** A float in [min, max] with `digits` decimals. */
export function decimal(random: Random, min: number, max: number, digits: number): number {
  return random.number.float({ min, max, fractionDigits: digits });
}

export function chance(random: Random, probability: number): boolean {
  return random.number.float({ min: 0, max: 1 }) < probability;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return random.helpers.arrayElement(items);
}

export function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  return random.helpers.weightedArrayElement(items.map(([value, weight]) => ({ value, weight })));
}

/** A Chinese mobile number that matches the template's phone pattern. */
export function mobile(random: Random): string {
  return `1${pick(random, ['3', '5', '7', '8', '9'])}${random.string.numeric(9)}`;
}
