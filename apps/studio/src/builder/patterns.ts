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
} as const satisfies Record<string, { regex: string; label: LocalizedText }>;

export type PatternId = keyof typeof PATTERNS;

export const PATTERN_IDS = Object.keys(PATTERNS) as PatternId[];

/** The safe-list entry a schema pattern is, if any. */
export function patternIdOf(regex: string): PatternId | undefined {
  return PATTERN_IDS.find((id) => PATTERNS[id].regex === regex);
}
