/**
 * The patterns an admin may pick for a text field: reviewed regular expressions only, never typed
 * ones (a hand-written pattern can be wrong or catastrophically slow).
 */
import type { LocalizedText } from '@trellis/errors';

export const PATTERNS = {
  mobileCN: { regex: '^1[3-9][0-9]{9}$', label: { 'zh-CN': '中国大陆手机号', en: 'Mainland China mobile number' } },
  phoneCN: { regex: '^(\\+86)?1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$', label: { 'zh-CN': '中国大陆电话（手机或座机）', en: 'Mainland China phone (mobile or landline)' } },
  postcodeCN: { regex: '^[0-9]{6}$', label: { 'zh-CN': '邮政编码（6 位数字）', en: 'Postcode (6 digits)' } },
  creditCode: { regex: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$', label: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' } },
  idCardCN: { regex: '^[0-9]{17}[0-9Xx]$', label: { 'zh-CN': '居民身份证号', en: 'Resident ID card number' } },
  digits: { regex: '^[0-9]+$', label: { 'zh-CN': '仅数字', en: 'Digits only' } },
  code: { regex: '^[A-Za-z0-9_-]+$', label: { 'zh-CN': '字母、数字、下划线和连字符', en: 'Letters, digits, _ and -' } },
  quarter: { regex: '^[0-9]{4}-Q[1-4]$', label: { 'zh-CN': '季度（YYYY-Qn）', en: 'Quarter (YYYY-Qn)' } },
} as const satisfies Record<string, { regex: string; label: LocalizedText }>;

export type PatternId = keyof typeof PATTERNS;

export const PATTERN_IDS = Object.keys(PATTERNS) as PatternId[];

/**
 * A reference code: a fixed prefix of capital letters and exactly `digits` digits (P000123,
 * OB20250001). Safe whatever the admin picks: the regex is built from checked parts only.
 */
export interface ReferenceCode {
  readonly prefix: string;
  readonly digits: number;
}

export const REFERENCE_PREFIX = /^[A-Z]{1,5}$/;
export const REFERENCE_DIGITS = { min: 1, max: 20 } as const;
export const REFERENCE_CODE_LABEL: LocalizedText = { 'zh-CN': '编号（固定前缀 + 定长数字）', en: 'Reference code (fixed prefix + digits)' };

/** A field's format: a fixed safe-list entry or a reference code. */
export type FieldPattern = PatternId | ReferenceCode;

export const isReferenceCode = (pattern: FieldPattern): pattern is ReferenceCode => typeof pattern === 'object';

export const isValidReferenceCode = (code: ReferenceCode): boolean =>
  REFERENCE_PREFIX.test(code.prefix) && Number.isInteger(code.digits) && code.digits >= REFERENCE_DIGITS.min && code.digits <= REFERENCE_DIGITS.max;

export function regexOf(pattern: FieldPattern): string {
  return isReferenceCode(pattern) ? `^${pattern.prefix}[0-9]{${pattern.digits}}$` : PATTERNS[pattern].regex;
}

const REFERENCE_REGEX = /^\^([A-Z]{1,5})\[0-9\]\{([1-9][0-9]?)\}\$$/;

/** The safe-list entry a schema pattern is, if any. */
export function patternIdOf(regex: string): FieldPattern | undefined {
  const fixed = PATTERN_IDS.find((id) => PATTERNS[id].regex === regex);
  if (fixed !== undefined) return fixed;
  const match = REFERENCE_REGEX.exec(regex);
  if (match === null) return undefined;
  const code = { prefix: match[1] as string, digits: Number(match[2]) };
  return isValidReferenceCode(code) ? code : undefined;
}
