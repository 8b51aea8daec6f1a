import { problem, type LocalizedText } from '@trellis/errors';

const TYPE_NAMES: Readonly<Record<string, LocalizedText>> = {
  number: { en: 'a number', 'zh-CN': '数字' },
  string: { en: 'a text', 'zh-CN': '文本' },
  boolean: { en: 'yes or no', 'zh-CN': '是或否' },
  date: { en: 'a date such as 2026-03-31', 'zh-CN': '日期（如 2026-03-31）' },
};

export const typeName = (type: string): LocalizedText => TYPE_NAMES[type] ?? { en: type, 'zh-CN': type };

/** Problems of condition trees. Paths are JSON-pointer-like positions in the tree or the rule ('' = root). */
export const conditionProblems = {
  notRepresentable: (path: string) =>
    problem('CONDITIONS_NOT_REPRESENTABLE', path, {
      en: 'This part of the rule cannot be shown as conditions; edit it as a formula',
      'zh-CN': '规则的这一部分无法以条件形式显示，请在公式中编辑',
    }),
  unknownField: (path: string, field: string) =>
    problem('CONDITIONS_UNKNOWN_FIELD', path, {
      en: `"${field}" is not a field of this data`,
      'zh-CN': `"${field}" 不是此数据中的字段`,
    }, { field }),
  operatorNotAllowed: (path: string, field: LocalizedText, operator: string) =>
    problem('CONDITIONS_OPERATOR_NOT_ALLOWED', path, {
      en: `"${operator}" cannot be used with ${field.en}`,
      'zh-CN': `"${operator}" 不能用于${field['zh-CN']}`,
    }, { operator }),
  valueMissing: (path: string, field: LocalizedText) =>
    problem('CONDITIONS_VALUE_MISSING', path, {
      en: `Enter a value to compare ${field.en} with`,
      'zh-CN': `请输入与${field['zh-CN']}比较的值`,
    }),
  valueType: (path: string, field: LocalizedText, expected: string) =>
    problem('CONDITIONS_VALUE_TYPE', path, {
      en: `${field.en} is compared with ${typeName(expected).en}`,
      'zh-CN': `${field['zh-CN']}需要与${typeName(expected)['zh-CN']}比较`,
    }, { expected }),
  notAnOption: (path: string, field: LocalizedText, value: string) =>
    problem('CONDITIONS_NOT_AN_OPTION', path, {
      en: `${value} is not one of the choices of ${field.en}`,
      'zh-CN': `${value} 不是${field['zh-CN']}的可选值`,
    }, { value }),
  emptyRange: (path: string, field: LocalizedText) =>
    problem('CONDITIONS_EMPTY_RANGE', path, {
      en: `The range of ${field.en} is empty: its start is after its end`,
      'zh-CN': `${field['zh-CN']}的区间为空：起点晚于终点`,
    }),
};
