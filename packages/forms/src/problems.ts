import { problem, type LocalizedText, type Problem } from '@trellis/errors';

/**
 * Every problem the form package reports: stable codes, both languages. Submission problems carry
 * the field path (`address.city`); definition problems carry the place in the definition
 * (`rules.visibility.creditLimit/if/0`, `schema/properties/name/pattern`).
 */
export const formProblems = {
  // submissions
  notAnObject: () =>
    problem('FORM_NOT_AN_OBJECT', '', {
      en: 'The submission must be an object of field values',
      'zh-CN': '提交的数据必须是由字段值组成的对象',
    }),
  forbiddenKey: (path: string, key: string) =>
    problem('FORM_FORBIDDEN_KEY', path, {
      en: `The key "${key}" is not allowed in a submission`,
      'zh-CN': `提交的数据中不允许出现键"${key}"`,
    }, { key }),
  reservedKey: (path: string) =>
    problem('FORM_RESERVED_KEY', path, {
      en: `Keys starting with "$" are reserved for the rule context and cannot be submitted`,
      'zh-CN': `以"$"开头的键保留给规则上下文，不能提交`,
    }),
  notJson: (path: string, what: string) =>
    problem('FORM_NOT_JSON', path, {
      en: `The value is ${what}, which is not a JSON value`,
      'zh-CN': `该值为 ${what}，不是合法的 JSON 值`,
    }, { value: what }),
  required: (path: string, label: LocalizedText | undefined) =>
    problem('FORM_REQUIRED', path, {
      en: `${label?.en ?? path} is required`,
      'zh-CN': `${label?.['zh-CN'] ?? path}为必填项`,
    }),
  validation: (path: string, id: string, message: LocalizedText) =>
    problem('FORM_VALIDATION', path, message, { validation: id }),
  ruleFailed: (path: string, location: string, cause: readonly Problem[]) =>
    problem('FORM_RULE_FAILED', path, {
      en: `The rule at ${location} could not be evaluated${cause[0] ? `: ${cause[0].message.en}` : ''}`,
      'zh-CN': `位于 ${location} 的规则无法求值${cause[0] ? `：${cause[0].message['zh-CN']}` : ''}`,
    }, { rule: location, cause }),
  badContext: (detail: string) =>
    problem('FORM_BAD_CONTEXT', '', {
      en: `The form context is invalid: ${detail}`,
      'zh-CN': `表单上下文无效：${detail}`,
    }, { detail }),

  // definitions
  badFieldPath: (location: string, field: string) =>
    problem('FORM_BAD_FIELD_PATH', location, {
      en: `"${field}" is not a valid field path (dot-separated property names, none of them "__proto__", "constructor" or "prototype")`,
      'zh-CN': `"${field}"不是合法的字段路径（应为以点分隔的属性名，且不能是"__proto__"、"constructor"或"prototype"）`,
    }, { field }),
  unknownField: (location: string, field: string, suggestion: string | undefined) =>
    problem('FORM_UNKNOWN_FIELD', location, {
      en: `Unknown field "${field}"${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`,
      'zh-CN': `未知的字段"${field}"${suggestion === undefined ? '' : `；您是否指的是"${suggestion}"？`}`,
    }, suggestion === undefined ? { field } : { field, suggestion }),
  reservedField: (location: string, field: string) =>
    problem('FORM_RESERVED_FIELD', location, {
      en: `The field name "${field}" starts with "$", which is reserved for the rule context`,
      'zh-CN': `字段名"${field}"以"$"开头，而"$"保留给规则上下文`,
    }, { field }),
  computedCycle: (location: string, cycle: readonly string[]) =>
    problem('FORM_COMPUTED_CYCLE', location, {
      en: `Computed fields depend on each other in a cycle: ${cycle.join(' → ')}`,
      'zh-CN': `计算字段之间存在循环依赖：${cycle.join(' → ')}`,
    }, { cycle }),
  visibilityCycle: (location: string, cycle: readonly string[]) =>
    problem('FORM_VISIBILITY_CYCLE', location, {
      en: `Visibility rules depend on each other in a cycle: ${cycle.join(' → ')}`,
      'zh-CN': `可见性规则之间存在循环依赖：${cycle.join(' → ')}`,
    }, { cycle }),
  computedHasDefault: (location: string, field: string) =>
    problem('FORM_COMPUTED_HAS_DEFAULT', location, {
      en: `"${field}" is computed, so it cannot also have a default value`,
      'zh-CN': `"${field}"是计算字段，不能同时设置默认值`,
    }, { field }),
  schemaTooLarge: (limit: number) =>
    problem('FORM_SCHEMA_TOO_LARGE', 'schema', {
      en: `The schema has more than ${limit} nodes`,
      'zh-CN': `该 Schema 的节点数超过了上限 ${limit}`,
    }, { limit }),
  schemaTooBig: (bytes: number, limit: number) =>
    problem('FORM_SCHEMA_TOO_LARGE', 'schema', {
      en: `The schema is ${bytes} characters long, more than the limit of ${limit}`,
      'zh-CN': `该 Schema 长度为 ${bytes} 个字符，超过了上限 ${limit}`,
    }, { characters: bytes, limit }),
  schemaTooDeep: (location: string, limit: number) =>
    problem('FORM_SCHEMA_TOO_DEEP', location, {
      en: `The schema is nested deeper than the limit of ${limit}`,
      'zh-CN': `该 Schema 的嵌套深度超过了上限 ${limit}`,
    }, { limit }),
  remoteRef: (location: string, ref: string) =>
    problem('FORM_SCHEMA_REMOTE_REF', location, {
      en: `"$ref": "${ref}" is not allowed: only local references starting with "#/" are`,
      'zh-CN': `不允许"$ref": "${ref}"：只允许以"#/"开头的本地引用`,
    }, { ref }),
  dynamicRef: (location: string, keyword: string) =>
    problem('FORM_SCHEMA_DYNAMIC_REF', location, {
      en: `"${keyword}" is not allowed in form schemas`,
      'zh-CN': `表单 Schema 中不允许使用"${keyword}"`,
    }, { keyword }),
  nestedId: (location: string) =>
    problem('FORM_SCHEMA_NESTED_ID', location, {
      en: '"$id" is only allowed at the root of a form schema',
      'zh-CN': '"$id"只能出现在表单 Schema 的根节点',
    }),
  unsafePattern: (location: string, pattern: string, reason: 'backtracking' | 'length' | 'syntax', limit: number) =>
    problem('FORM_SCHEMA_UNSAFE_PATTERN', location, {
      en: {
        backtracking: `The pattern "${pattern}" can take exponential time on some inputs (nested repetition)`,
        length: `The pattern is longer than the limit of ${limit} characters`,
        syntax: `"${pattern}" is not a valid regular expression`,
      }[reason],
      'zh-CN': {
        backtracking: `正则表达式"${pattern}"在某些输入上可能耗费指数级时间（嵌套重复）`,
        length: `正则表达式长度超过了上限 ${limit} 个字符`,
        syntax: `"${pattern}"不是合法的正则表达式`,
      }[reason],
    }, { reason }),
  schemaInvalid: (cause: readonly Problem[]) =>
    problem('FORM_SCHEMA_INVALID', 'schema', {
      en: `The schema does not compile${cause[0] ? `: ${cause[0].message.en}` : ''}`,
      'zh-CN': `该 Schema 无法编译${cause[0] ? `：${cause[0].message['zh-CN']}` : ''}`,
    }, { cause }),
} satisfies Record<string, (...args: never[]) => Problem>;
