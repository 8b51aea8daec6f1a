/**
 * Whole sentences in both languages for one ajv error. ajv (en) and ajv-i18n (zh) word what is
 * wrong as a predicate ("must be >= 0", "应当为 >= 0"); we add the subject, the field path, so a
 * message stands on its own. Where the error is about a property of the data (missing, not
 * allowed), the path already names it and the sentence says so directly.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { LocalizedText } from '@trellis/errors';

/**
 * Words for the people who fill in a form, where data is checked for them: fields are named by
 * their labels, and a pattern is not quoted at them (it stays in the problem's details).
 */
export interface ForPeople {
  readonly labels: (path: string) => LocalizedText | undefined;
}

function subject(path: string, people: ForPeople | undefined): LocalizedText {
  if (path === '') return { en: 'The value', 'zh-CN': '数据' };
  const label = people?.labels(path);
  return label === undefined ? { en: `Field "${path}"`, 'zh-CN': `字段“${path}”` } : { en: `“${label.en}”`, 'zh-CN': `“${label['zh-CN']}”` };
}

function sentence(path: string, predicate: LocalizedText, people: ForPeople | undefined): LocalizedText {
  const who = subject(path, people);
  return { en: `${who.en} ${predicate.en}.`, 'zh-CN': `${who['zh-CN']}${predicate['zh-CN']}。` };
}

const NOT_IN_FORMAT: LocalizedText = { en: 'is not in the expected format', 'zh-CN': '格式不正确' };

/** The ajv-i18n zh predicate of one error (ajv-i18n rewrites `message` in place, so on a copy). */
function zhPredicate(error: ErrorObject): string {
  const copy = { ...error };
  localizeZh([copy]);
  return copy.message ?? '';
}

export type Situation = 'missing' | 'unexpected' | 'unknownTag' | 'propertyName' | 'other';

export function errorMessage(error: ErrorObject, path: string, situation: Situation, name?: string, people?: ForPeople): LocalizedText {
  switch (situation) {
    case 'missing':
      return sentence(path, { en: 'is required', 'zh-CN': '为必填项' }, people);
    case 'unexpected':
      return sentence(path, { en: 'is not allowed', 'zh-CN': '不被允许' }, people);
    case 'unknownTag':
      return sentence(path, { en: 'must be one of the allowed values', 'zh-CN': '应当是预设定的值之一' }, people);
    case 'propertyName':
      return {
        en: `Property name "${name ?? ''}" ${error.message ?? ''}.`,
        'zh-CN': `属性名“${name ?? ''}”${zhPredicate(error)}。`,
      };
    case 'other':
      if (people !== undefined && error.keyword === 'pattern') return sentence(path, NOT_IN_FORMAT, people);
      return sentence(path, { en: error.message ?? `must pass "${error.keyword}"`, 'zh-CN': zhPredicate(error) }, people);
  }
}
